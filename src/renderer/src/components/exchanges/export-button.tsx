import { exportRepro } from '../../bridge/minimize-actions'
import { useAppStore } from '../../store/app-store'
import './exchanges.css'

/** The repro bundle as a zip (curl.sh, repro.mjs, README, HAR, the request and the error; secrets removed). */
export function ExportButton({ id }: { id: string }) {
  const state = useAppStore((s) => (s.exportState?.exchangeId === id ? s.exportState : null))
  const minimal = useAppStore((s) => s.minimize?.exchangeId === id && s.minimize.result !== null && s.minimize.state !== 'running' && s.minimize.state !== 'starting')
  return (
    <>
      <button
        className="btn btn-small"
        data-testid="export-button"
        disabled={state?.status === 'busy'}
        onClick={() => void exportRepro(id)}
        title={`Save a repro bundle (zip)${minimal ? ' with the minimized request' : ''}: curl.sh, repro.mjs, README, HAR; every secret removed`}
      >
        {state?.status === 'busy' ? 'Exporting…' : minimal ? 'Export minimal repro' : 'Export repro'}
      </button>
      {state?.status === 'error' && (
        <span className="upstream-error" role="alert" data-testid="export-error" title={state.message ?? ''}>
          {state.message}
        </span>
      )}
      {state?.status === 'done' && (
        <span className="muted export-done" data-testid="export-done" title={state.message ?? ''}>
          saved ✓
        </span>
      )}
    </>
  )
}
