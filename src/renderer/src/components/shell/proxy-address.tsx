import { useState } from 'react'
import { copyText } from '../../lib/clipboard'
import { useAppStore } from '../../store/app-store'
import './shell.css'

/** The proxy's address; a click copies it (what a user pastes into an agent's base URL). */
export function ProxyAddress() {
  const reverse = useAppStore((s) => s.proxy?.reverse)
  const loading = useAppStore((s) => s.appState === 'loading')
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  if (!reverse) return loading ? <div className="header-item muted">Proxy …</div> : null
  const state = reverse.error ? 'error' : reverse.listening ? 'listening' : 'stopped'
  const url = reverse.url || `http://${reverse.host}:${reverse.port}`
  const copy = async () => {
    const ok = await copyText(url)
    setCopied(ok ? 'yes' : 'no')
    setTimeout(() => setCopied(null), 1500)
  }
  return (
    <button
      type="button"
      className="header-item proxy-address"
      data-testid="proxy-address"
      data-state={state}
      title={`${reverse.error ?? (reverse.listening ? 'Listening' : 'Not listening')}. Click to copy ${url}`}
      onClick={() => void copy()}
    >
      <span className={`dot dot-${state}`} aria-hidden />
      <span className="header-label">Proxy</span>
      <span className="mono">{url}</span>
      {copied ? (
        <span className="muted proxy-state-word" role="status" data-testid="proxy-copied">
          {copied === 'yes' ? 'copied' : 'copy failed'}
        </span>
      ) : reverse.error ? (
        <span className="proxy-error" title={reverse.error}>
          {/EADDRINUSE/i.test(reverse.error) ? 'port in use' : reverse.error}
        </span>
      ) : (
        <span className="muted proxy-state-word">{reverse.listening ? 'listening' : 'not listening'}</span>
      )}
    </button>
  )
}
