import { getConnection } from '../../api/get-api'
import { loadAll } from '../../bridge/start'
import { useAppStore } from '../../store/app-store'
import { CodeText } from '../shared/code-text'
import './shell.css'

export function ErrorScreen() {
  const error = useAppStore((s) => s.loadError)
  const shell = useAppStore((s) => s.shell)
  const authFailed = useAppStore((s) => s.connection.authFailed === true)
  if (authFailed)
    return (
      <div className="centered">
        <div className="error-card" role="alert" data-testid="token-error">
          <h2>This page needs the access token of the running inspector</h2>
          <p>
            <CodeText text={error ?? useAppStore.getState().connection.error ?? ''} />
          </p>
          <p className="muted">
            Web mode answers only pages opened with the token it printed at start, so other sites and users on this
            machine cannot read your traffic. It changes each time <code>mimo-inspector serve</code> starts.
          </p>
        </div>
      </div>
    )
  return (
    <div className="centered">
      <div className="error-card" role="alert">
        <h2>Could not reach the inspector core</h2>
        <p className="error-text">
          <CodeText text={error ?? ''} />
        </p>
        {shell === 'web' && (
          <p className="muted">
            Is <code>mimo-inspector serve</code> still running? Open the address it printed (with its <code>?token=</code>).
          </p>
        )}
        <button
          className="btn"
          onClick={() => {
            getConnection().retryNow()
            void loadAll()
          }}
        >
          Retry
        </button>
      </div>
    </div>
  )
}
