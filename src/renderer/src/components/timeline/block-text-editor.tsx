import { useEffect, useRef, useState } from 'react'
import './timeline.css'

/** Inline "edit text" for one block: Ctrl/Cmd+Enter or Save applies it to the editor's copy, Esc cancels. */
export function BlockTextEditor({ initial, onSave, onCancel }: { initial: string; onSave: (text: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(initial)
  const area = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    area.current?.focus()
  }, [])
  return (
    <div className="tl-text-editor" data-testid="tl-text-editor">
      <textarea
        ref={area}
        className="input mono"
        value={text}
        rows={Math.min(14, Math.max(3, text.split('\n').length + 1))}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault()
            e.stopPropagation()
            onSave(text)
          } else if (e.key === 'Escape') {
            e.preventDefault()
            e.stopPropagation()
            onCancel()
          }
        }}
      />
      <div className="replay-row">
        <button className="btn btn-small btn-primary" onClick={() => onSave(text)}>
          Apply to the editor
        </button>
        <button className="btn btn-small" onClick={onCancel}>
          Cancel
        </button>
        <span className="muted">Ctrl+Enter applies · Esc cancels</span>
      </div>
    </div>
  )
}
