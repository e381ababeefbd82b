import { useMemo, useState } from 'react'
import { prettyValue } from '../../lib/json-lines'
import { tokenizeJsonLine } from '../../lib/json-tokens'
import { FOLD_JSON_LINES } from '../../lib/timeline-model'
import type { Fold } from './use-folds'
import './shared.css'

const MAX_LINES = 400

/** A small JSON value (tool input, one SSE event), pretty and highlighted. With a `fold`, folded shows a few lines. */
export function JsonBlock({ value, text, fold }: { value?: unknown; text?: string; fold?: Fold }) {
  const [all, setAll] = useState(false)
  const lines = useMemo(() => (text ?? prettyValue(value)).split('\n'), [value, text])
  const folded = fold !== undefined && !fold.open
  const max = folded ? FOLD_JSON_LINES : all ? Infinity : MAX_LINES
  const shown = lines.length > max ? lines.slice(0, max) : lines
  return (
    <pre className="json-block mono">
      {shown.map((line, i) => (
        <div key={i} className="json-line">
          {tokenizeJsonLine(line).map(([start, end, kind], j) => (
            <span key={j} className={`j-${kind}`}>
              {line.slice(start, end)}
            </span>
          ))}
        </div>
      ))}
      {lines.length > max && (
        <button className="btn btn-link" data-testid="show-more" onClick={() => (folded ? fold.toggle() : setAll(true))}>
          … {lines.length - max} more lines
        </button>
      )}
      {fold?.open && lines.length > FOLD_JSON_LINES && (
        <button className="btn btn-link fold-less" onClick={fold.toggle}>
          show less
        </button>
      )}
    </pre>
  )
}
