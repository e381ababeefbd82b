import { cancelMinimize } from '../../bridge/minimize-actions'
import { formatBytes } from '../../lib/format'
import type { MinimizeRun } from '../../store/minimize-slice'
import './minimize.css'

/** "0%" for 2.6 KB of 838 KB reads as nothing left: under 1% gets one decimal. */
const sharePercent = (part: number, whole: number): string => {
  const pct = (part / whole) * 100
  return `${pct < 1 && pct > 0 ? Math.max(0.1, Math.round(pct * 10) / 10) : Math.round(pct)}%`
}

/** Requests used of the budget, and the request's size now against the original. */
export function MinimizeProgressBar({ run }: { run: MinimizeRun }) {
  const p = run.progress
  const used = run.result?.requestsUsed ?? p?.requestsUsed ?? 0
  const budget = p?.budget ?? run.budget
  const running = run.state === 'starting' || run.state === 'running'
  const original = run.result?.originalBytes ?? p?.originalBytes ?? null
  const current = run.result?.bytes ?? p?.currentBytes ?? null
  // While running: the budget used (the run may end sooner). Once ended the bar is full: the work is over, however
  // little of the budget it took.
  const pct = !running ? 100 : run.mode === 'predicted' ? 0 : budget > 0 ? Math.min(100, (used / budget) * 100) : 0
  return (
    <div className="minimize-progress-row">
      <div
        className={`progress${running ? ' progress-running' : ` progress-ended progress-${run.state}`}`}
        data-testid="minimize-progress"
        data-used={used}
        data-budget={budget}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={budget}
        aria-valuenow={used}
        aria-label={running ? 'Requests used' : `Minimize ${run.state}`}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="mono minimize-facts">
        {run.mode === 'predicted' ? `${used} checks` : `${used} / ${budget} requests`}
        {original !== null && current !== null && (
          <>
            {' · '}
            {formatBytes(current)} of {formatBytes(original)}
            {original > 0 && <span className="muted"> ({sharePercent(current, original)})</span>}
          </>
        )}
        {p && ` · ${p.messages} of ${p.originalMessages} messages`}
        {running && p?.phase && <span className="muted"> · {p.phase}</span>}
        {running && !p && <span className="muted"> · {run.message ?? 'starting…'}</span>}
      </span>
      {/* Stays beside the bar after the run ends (a run can end between seeing it and clicking): then it does nothing. */}
      <button
        className={`btn btn-small${running ? '' : ' btn-inert'}`}
        data-testid="minimize-cancel"
        onClick={() => void cancelMinimize()}
        title={running ? 'Stop; the smallest failing request found so far is kept' : 'The run has ended'}
      >
        Cancel
      </button>
    </div>
  )
}
