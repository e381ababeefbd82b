import type { DiffRow } from '../../lib/json-diff'
import { DiffValue } from './diff-value'
import './shared.css'

const MARK = { added: '+', removed: '−', changed: '~', moved: '↕' } as const
const MAX_ROWS = 300

/** A structural diff: one row per value added, removed, changed or moved, with its path in the body. */
export function JsonDiffView({ rows }: { rows: DiffRow[] }) {
  const shown = rows.slice(0, MAX_ROWS)
  return (
    <ul className="diff-rows">
      {shown.map((row, i) => (
        <li key={i} className={`diff-row diff-row-${row.kind}`} data-kind={row.kind}>
          <span className="diff-mark" aria-label={row.kind}>
            {MARK[row.kind]}
          </span>
          <span className="diff-path mono">{row.path}</span>
          <span className="diff-kind">{row.kind}</span>
          <div className="diff-values">
            {row.kind === 'added' && <DiffValue value={row.value} tone="new" />}
            {row.kind === 'removed' && <DiffValue value={row.value} tone="old" />}
            {row.kind === 'changed' && (
              <>
                <DiffValue value={row.from} tone="old" />
                <span className="diff-arrow">→</span>
                <DiffValue value={row.to} tone="new" />
              </>
            )}
            {row.kind === 'moved' && <span className="mono muted">to {row.to}</span>}
          </div>
        </li>
      ))}
      {rows.length > MAX_ROWS && <li className="muted">… {rows.length - MAX_ROWS} more changes</li>}
    </ul>
  )
}
