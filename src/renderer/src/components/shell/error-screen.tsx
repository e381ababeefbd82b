import { loadAll } from '../../bridge/start'
import { useAppStore } from '../../store/app-store'
import './shell.css'

export function ErrorScreen() {
  const error = useAppStore((s) => s.loadError)
  const shell = useAppStore((s) => s.shell)
  return (
    <div className="centered">
      <div className="error-card" role="alert">
        <h2>Could not reach the inspector core</h2>
        <pre className="error-text">{error}</pre>
        {shell === 'web' && (
          <p className="muted">
            Is <code>mimo-inspector serve</code> still running? Open the address it printed (with its <code>?token=</code>).
          </p>
        )}
        <button className="btn" onClick={() => void loadAll()}>
          Retry
        </button>
      </div>
    </div>
  )
}
