import { useAppStore } from '../../store/app-store'
import './shell.css'

export function ProxyAddress() {
  const reverse = useAppStore((s) => s.proxy?.reverse)
  if (!reverse) return <div className="header-item muted">Proxy …</div>
  const state = reverse.error ? 'error' : reverse.listening ? 'listening' : 'stopped'
  return (
    <div className="header-item proxy-address" data-testid="proxy-address" data-state={state}>
      <span className={`dot dot-${state}`} aria-hidden />
      <span className="header-label">Proxy</span>
      <span className="mono">{reverse.url || `http://${reverse.host}:${reverse.port}`}</span>
      {reverse.error ? (
        <span className="proxy-error" title={reverse.error}>
          {/EADDRINUSE/i.test(reverse.error) ? 'port in use' : reverse.error}
        </span>
      ) : (
        <span className="muted">{reverse.listening ? 'listening' : 'not listening'}</span>
      )}
    </div>
  )
}
