import { memo } from 'react'
import { LongText } from '../shared/long-text'
import type { Fold } from '../shared/use-folds'
import './timeline.css'

/** The Anthropic top-level `system` parameter: folded, since it is long and rarely the problem. */
export const SystemPrompt = memo(function SystemPrompt({ text, open, onToggle }: { text: string; open: boolean; onToggle: () => void }) {
  const fold: Fold = { open, toggle: onToggle }
  return (
    <section className="tl-system" data-testid="system-prompt" data-open={open ? 'true' : 'false'}>
      <button className="tl-system-head" onClick={onToggle} aria-expanded={open}>
        <span className="fold-mark">{open ? '▾' : '▸'}</span>
        <span className="tl-role">system</span>
        <span className="dim">top-level parameter · not counted in messages</span>
        <span className="muted">{text.length.toLocaleString('en-US')} chars</span>
        {!open && <span className="fold-preview">{text.slice(0, 300)}</span>}
      </button>
      {open && <LongText text={text} className="block-text" fold={fold} />}
    </section>
  )
})
