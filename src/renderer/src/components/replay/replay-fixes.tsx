import { applyFix } from '../../bridge/replay-editor-actions'
import type { ReplayEditor } from '../../store/replay-slice'

/** The fixes the diagnosis of this request offers, applied to the editor's current text. */
export function ReplayFixes({ editor }: { editor: ReplayEditor }) {
  if (editor.fixIds.length === 0) return null
  return (
    <div className="replay-row replay-fixes">
      <span className="dx-label">Fixes</span>
      {editor.fixIds.map((id) => (
        <button
          key={id}
          className="btn btn-small fix-chip"
          data-testid={`editor-fix-${id}`}
          data-fix-id={id}
          // Not `disabled` while a fix applies: a disabled button drops the focus to the page, and Ctrl+Enter with it.
          aria-disabled={editor.busy}
          onClick={() => {
            if (!editor.busy) void applyFix(id)
          }}
          title="Apply to the text in the editor (the core does the change; Ctrl+Z undoes it)"
        >
          fix: {id}
        </button>
      ))}
      {editor.busy && <span className="spinner" aria-label="applying" />}
    </div>
  )
}
