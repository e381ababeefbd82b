import { compareWith, useCompare } from '../../store/compare-store'
import { useAppStore } from '../../store/app-store'
import { formatTime } from '../../lib/format'
import './compare.css'

/**
 * Pick two exchanges to compare: "Compare…" marks the open one, then on any other "Compare with 12:00:01.234"
 * shows the structural diff of the two. Pressing it again on the marked one unmarks it.
 */
export function CompareButton({ id }: { id: string }) {
  const base = useCompare((s) => s.base)
  const baseSummary = useAppStore((s) => (base ? s.byId.get(base) : undefined))
  if (base && base !== id) {
    const label = baseSummary ? formatTime(baseSummary.startedAt) : 'the marked one'
    return (
      <button className="btn btn-small btn-compare" data-testid="compare-with" onClick={() => compareWith(id)} title={`Compare the exchange marked at ${label} with this one, structurally`}>
        Compare with {label}
      </button>
    )
  }
  const marked = base === id
  return (
    <button
      className={`btn btn-small${marked ? ' btn-active' : ''}`}
      data-testid="compare-mark"
      aria-pressed={marked}
      onClick={() => useCompare.getState().mark(marked ? null : id)}
      title={marked ? 'Marked for comparing: open another exchange and press "Compare with"; press here to unmark' : 'Mark this exchange, then open another to compare the two'}
    >
      {marked ? 'Marked to compare' : 'Compare…'}
    </button>
  )
}
