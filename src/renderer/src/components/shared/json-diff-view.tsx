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

/** "3 changes" beside a diff's title, when there are any. */
export function DiffCount({ rows }: { rows: DiffRow[] | string | null }) {
  if (!Array.isArray(rows) || rows.length === 0) return null
  return (
    <span className="dx-count">
      {rows.length} {rows.length === 1 ? 'change' : 'changes'}
    </span>
  )
}

/**
 * A body diff, or what to say instead: `unedited` when nothing was changed (the bytes went as they were), why
 * it cannot be compared, or `same` when only the formatting differs.
 */
export function BodyDiff({ rows, unedited, same }: { rows: DiffRow[] | string | null; unedited: string | null; same: string }) {
  if (unedited !== null) return <div className="notice muted">{unedited}</div>
  if (typeof rows === 'string') return <div className="notice muted">{rows}</div>
  if (!rows) return null
  return rows.length === 0 ? <div className="notice muted">{same}</div> : <JsonDiffView rows={rows} />
}
