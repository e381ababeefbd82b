import { useMemo, useState } from 'react'
import { prettyValue } from '../lib/json-lines'
import { tokenizeJsonLine } from '../lib/json-tokens'

const MAX_LINES = 400

/** A small JSON value (tool input, one SSE event), pretty and highlighted. */
export function JsonBlock({ value, text }: { value?: unknown; text?: string }) {
  const [all, setAll] = useState(false)
  const lines = useMemo(() => (text ?? prettyValue(value)).split('\n'), [value, text])
  const shown = all ? lines : lines.slice(0, MAX_LINES)
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
      {!all && lines.length > MAX_LINES && (
        <button className="btn btn-link" onClick={() => setAll(true)}>
          … {lines.length - MAX_LINES} more lines
        </button>
      )}
    </pre>
  )
}
