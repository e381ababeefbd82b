import { useState } from 'react'
import './shared.css'

const INLINE = 90
const FOLDED_LINES = 10

/** One value of a diff row: inline when short, else pretty JSON folded to a few lines. */
export function DiffValue({ value, tone }: { value: unknown; tone: 'old' | 'new' }) {
  const [open, setOpen] = useState(false)
  const compact = value === undefined ? 'undefined' : JSON.stringify(value)
  if (compact.length <= INLINE) return <code className={`diff-val diff-${tone}`}>{compact}</code>
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2)
  const lines = text.split('\n')
  const shown = open ? lines : lines.slice(0, FOLDED_LINES)
  return (
    <div className={`diff-block diff-${tone}`}>
      <pre className="mono">{shown.join('\n')}</pre>
      {lines.length > FOLDED_LINES && (
        <button className="btn-link" onClick={() => setOpen(!open)}>
          {open ? 'show less' : `… ${lines.length - FOLDED_LINES} more lines`}
        </button>
      )}
    </div>
  )
}
