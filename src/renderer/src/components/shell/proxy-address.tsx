import { useAppStore } from '../../store/app-store'
import './shell.css'

export function ProxyAddress() {
  const reverse = useAppStore((s) => s.proxy?.reverse)
  const loading = useAppStore((s) => s.appState === 'loading')
  if (!reverse) return loading ? <div className="header-item muted">Proxy …</div> : null
  const state = reverse.error ? 'error' : reverse.listening ? 'listening' : 'stopped'
  return (
    <div className="header-item proxy-address" data-testid="proxy-address" data-state={state} title={reverse.error ?? (reverse.listening ? 'Listening' : 'Not listening')}>
      <span className={`dot dot-${state}`} aria-hidden />
      <span className="header-label">Proxy</span>
      <span className="mono">{reverse.url || `http://${reverse.host}:${reverse.port}`}</span>
      {reverse.error ? (
        <span className="proxy-error" title={reverse.error}>
          {/EADDRINUSE/i.test(reverse.error) ? 'port in use' : reverse.error}
        </span>
      ) : (
        <span className="muted proxy-state-word">{reverse.listening ? 'listening' : 'not listening'}</span>
      )}
    </div>
  )
}
