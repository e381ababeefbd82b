import { useState } from 'react'
import { foldCut } from '../../lib/timeline-model'
import type { Fold } from './use-folds'
import './shared.css'

const LIMIT = 20_000

/**
 * Plain text that may be huge: show the first part and let the user ask for the rest. With a `fold` (the
 * timeline), a folded text shows only a short preview and "show all" opens the fold.
 */
export function LongText({ text, className, fold }: { text: string; className?: string; fold?: Fold }) {
  const [all, setAll] = useState(false)
  const folded = fold !== undefined && !fold.open
  const cutAt = folded ? foldCut(text) : !all && text.length > LIMIT ? LIMIT : null
  return (
    <div className={`long-text ${className ?? ''}`}>
      {cutAt === null ? text : text.slice(0, cutAt)}
      {cutAt !== null && (
        <button className="btn btn-link" data-testid="show-more" onClick={() => (folded ? fold.toggle() : setAll(true))}>
          … show {(text.length - cutAt).toLocaleString('en-US')} more characters
        </button>
      )}
      {fold?.open && foldCut(text) !== null && (
        <button className="btn btn-link fold-less" onClick={fold.toggle}>
          show less
        </button>
      )}
    </div>
  )
}
