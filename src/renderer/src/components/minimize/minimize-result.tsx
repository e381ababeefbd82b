import { openEditor } from '../../bridge/replay-editor-actions'
import { formatBytes } from '../../lib/format'
import type { MinimizeRun } from '../../store/minimize-slice'
import './minimize.css'

const STATE = { done: 'Done', cancelled: 'Cancelled', stopped: 'Stopped', failed: 'Failed', running: 'Running', starting: 'Starting' } as const

/** How the run ended (why it stopped: 401/402/403, budget), what it removed, and the way into the editor. */
export function MinimizeResult({ run }: { run: MinimizeRun }) {
  const r = run.result
  const bad = run.state === 'failed' || run.state === 'stopped'
  return (
    <div className={`minimize-result${bad ? ' minimize-result-bad' : ''}`} data-testid="minimize-result" data-state={run.state}>
      <div className="replay-row">
        <span className={`dx-label${bad ? ' dx-label-red' : ''}`}>{STATE[run.state]}</span>
        {r && (
          <span className="mono">
            {formatBytes(r.originalBytes)} → {formatBytes(r.bytes)} · {r.requestsUsed} {run.mode === 'predicted' ? 'checks' : 'requests'}
            {r.oneMinimal && <span className="muted"> · nothing more can go</span>}
          </span>
        )}
        <span className="header-spacer" />
        {r && (
          <button
            className="btn btn-small"
            data-testid="minimize-open-editor"
            onClick={() => void openEditor(run.exchangeId, { body: { text: r.body, changes: [`minimized (${run.mode}): ${formatBytes(r.originalBytes)} → ${formatBytes(r.bytes)}`, ...r.removed] } })}
            title="Load the minimal request into the replay editor"
          >
            Open in editor
          </button>
        )}
      </div>
      {(run.message || r?.stopReason) && <p className={bad ? 'text-red minimize-message' : 'muted minimize-message'}>{run.message ?? r?.stopReason}</p>}
      {r && r.removed.length > 0 && (
        <details className="minimize-removed" open={r.removed.length <= 6}>
          <summary>
            Removed <span className="muted">({r.removed.length})</span>
          </summary>
          <ul>
            {r.removed.map((line, i) => (
              <li key={i} className="mono">
                {line}
              </li>
            ))}
          </ul>
        </details>
      )}
      {!r && run.state !== 'failed' && <p className="muted minimize-message">Nothing smaller was found.</p>}
    </div>
  )
}
