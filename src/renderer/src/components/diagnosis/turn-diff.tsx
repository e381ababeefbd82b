import { focusMessage } from '../../bridge/analysis-actions'
import { showExchange } from '../../bridge/view-actions'
import { evidenceLabel } from './evidence-link'
import { useAppStore } from '../../store/app-store'
import './diagnosis.css'

/** What changed in the history since the last request of this conversation that succeeded. */
export function TurnDiffView({ baseLabel }: { baseLabel?: (id: string) => string | null }) {
  const diff = useAppStore((s) => s.turnDiff)
  if (diff.status === 'idle') return null
  return (
    <section className="dx turn-diff" data-testid="turn-diff" aria-label="Turn diff">
      <div className="dx-head">
        <span className="dx-title">{diff.status === 'ready' && diff.value && !diff.value.baseId ? 'Against the recorded responses' : 'Since the last success'}</span>
        {diff.status === 'ready' && diff.value?.baseId && (
          <span className="muted mono" title={diff.value.baseId}>
            vs {baseLabel?.(diff.value.baseId) ?? diff.value.baseId}
          </span>
        )}
      </div>
      {diff.status === 'loading' && <div className="notice">Comparing…</div>}
      {diff.status === 'error' && (
        <div className="error-box" role="alert">
          Could not compare: {diff.error}
        </div>
      )}
      {diff.status === 'ready' && !diff.value && (
        <div className="notice muted" data-testid="turn-diff-none">
          No earlier successful request to compare with.
        </div>
      )}
      {diff.status === 'ready' && diff.value && diff.value.changes.length === 0 && (
        <div className="notice muted">No message changed; the difference is elsewhere (tools, parameters, headers).</div>
      )}
      {diff.status === 'ready' && diff.value && diff.value.changes.length > 0 && (
        <ul className="td-list">
          {diff.value.changes.map((c, i) => (
            <li key={i}>
              <button className={`td-row td-${c.kind}`} data-testid="turn-diff-change" data-kind={c.kind} onClick={() => focusMessage(c.messageIndex, null)}>
                <span className="td-kind">{c.kind}</span>
                <span className="mono td-where">
                  #{c.messageIndex} {c.role}
                </span>
                <span className="td-desc">{c.description}</span>
              </button>
              {c.evidence && (
                <button
                  className="btn-link mono td-evidence"
                  data-testid="turn-diff-evidence"
                  onClick={() => showExchange(c.evidence!.exchangeId, 'response')}
                  title="Open the recorded response this message was compared with"
                >
                  {evidenceLabel(c.evidence)} →
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
