import { useAppStore } from '../../store/app-store'
import './shell.css'

/** Full-width warnings under the header for states that lose data or traffic: they must not be missed. */
export function StatusBanners() {
  const reverse = useAppStore((s) => s.proxy?.reverse)
  const store = useAppStore((s) => s.storeStatus)
  const proxyError = reverse?.error ?? null
  const notRecording = store !== null && !store.recording
  if (!proxyError && !notRecording) return null
  return (
    <div className="banners">
      {proxyError && reverse && (
        <div className="banner banner-error" role="alert" data-testid="proxy-error-banner">
          <strong>Proxy not listening</strong> on {reverse.host}:{reverse.port}: <span className="mono">{proxyError}</span>
          {/EADDRINUSE/i.test(proxyError) && (
            <span className="muted"> — another program uses this port; start with a different --proxy-port.</span>
          )}
        </div>
      )}
      {notRecording && store && (
        <div className="banner banner-warn" role="alert" data-testid="recording-banner">
          <strong>Not recording</strong>: <span className="mono">{store.error ?? 'writing failed'}</span>
          <span className="muted">
            {' '}
            — traffic still flows through the proxy, but new exchanges are not saved to <span className="mono">{store.dataDir}</span>.
          </span>
        </div>
      )}
    </div>
  )
}
