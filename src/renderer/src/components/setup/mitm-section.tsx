import { useEffect, useState } from 'react'
import { setMitm } from '../../bridge/status-actions'
import { useAppStore } from '../../store/app-store'
import { CopyButton } from '../shared/copy-button'
import { EnvLine } from './env-line'
import { EnvSnippet } from './env-snippet'
import { RegenerateCa } from './regenerate-ca'
import './setup.css'

const DEFAULT_PORT = 8789
const DEFAULT_CAPTURE = '*.xiaomimimo.com'

const hostsOf = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean)

/**
 * The forward proxy: on/off, its port and capture list (applied with `proxy:set-mitm` when toggled or changed),
 * then the lines to paste, the CA file, a snippet per shell, and a new CA on demand.
 */
export function MitmSection() {
  const mitm = useAppStore((s) => s.proxy?.mitm ?? null)
  // The toggle follows the click at once; the core's answer (or its refusal) settles it.
  const [on, setOn] = useState(mitm !== null)
  const [port, setPort] = useState(String(mitm?.port ?? DEFAULT_PORT))
  const [capture, setCapture] = useState((mitm?.captureHosts ?? [DEFAULT_CAPTURE]).join(', '))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  // Another window or the CLI may change it.
  useEffect(() => {
    if (busy) return
    setOn(mitm !== null)
    if (mitm) {
      setPort(String(mitm.port))
      setCapture(mitm.captureHosts.join(', '))
    }
  }, [mitm?.port, mitm?.captureHosts.join(','), mitm === null])

  const apply = async (enabled: boolean) => {
    const n = Number(port.trim())
    if (!Number.isInteger(n) || n < 0 || n > 65535) return setError(`"${port}" is not a port (0–65535; 0 picks a free one)`)
    const hosts = hostsOf(capture)
    if (enabled && hosts.length === 0) return setError('the capture list is empty: give at least one host, e.g. *.xiaomimimo.com')
    setBusy(true)
    setOn(enabled)
    try {
      await setMitm(enabled ? { enabled, port: n, captureHosts: hosts } : { enabled })
      setError(null)
      // Port 0 means "any free one": show the one it got.
      const now = useAppStore.getState().proxy?.mitm
      if (now) {
        setPort(String(now.port))
        setCapture(now.captureHosts.join(', '))
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
      setOn(useAppStore.getState().proxy?.mitm != null)
    } finally {
      setBusy(false)
    }
  }

  const changed = mitm !== null && (Number(port) !== mitm.port || hostsOf(capture).join(',') !== mitm.captureHosts.join(','))
  const applyIfChanged = () => {
    if (on && changed && !busy) void apply(true)
  }
  const onEnter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') applyIfChanged()
  }

  const lines = mitm?.envLines ?? []
  return (
    <section className="mitm" data-testid="mitm-section" data-state={mitm ? (mitm.error ? 'error' : mitm.listening ? 'listening' : 'stopped') : 'off'} aria-label="Forward proxy">
      <h3>Forward proxy (HTTPS_PROXY)</h3>
      <p className="setup-status">
        For agents that cannot change their base URL: they send everything through the proxy; hosts on the capture list are
        decrypted with the inspector's own CA and recorded, every other host is tunnelled untouched.
      </p>
      <div className="mitm-controls">
        <label className="check mitm-toggle-label">
          <input type="checkbox" data-testid="mitm-toggle" checked={on} disabled={busy} onChange={(e) => void apply(e.target.checked)} />
          <strong>{on ? 'On' : 'Off'}</strong>
          {mitm && mitm.listening && <span className="dot dot-listening" aria-hidden />}
          {mitm && mitm.listening && <span className="mono muted">{mitm.url}</span>}
          {busy && <span className="spinner" aria-label="applying" />}
        </label>
        <label className="replay-field">
          <span className="dx-label">Port</span>
          <input
            className="input mono mitm-port"
            data-testid="mitm-port"
            inputMode="numeric"
            value={port}
            onChange={(e) => setPort(e.target.value)}
            onBlur={applyIfChanged}
            onKeyDown={onEnter}
            title="0 picks a free port"
          />
        </label>
        <label className="replay-field mitm-capture-field">
          <span className="dx-label">Capture</span>
          <input
            className="input mono mitm-capture"
            data-testid="mitm-capture"
            value={capture}
            spellCheck={false}
            placeholder={DEFAULT_CAPTURE}
            onChange={(e) => setCapture(e.target.value)}
            onBlur={applyIfChanged}
            onKeyDown={onEnter}
            title="Hosts to decrypt and record, comma-separated: api.example.com, host:port, *.example.com"
          />
        </label>
        {changed && on && (
          <button className="btn btn-small" onClick={() => void apply(true)} disabled={busy}>
            Apply
          </button>
        )}
      </div>
      {(error || mitm?.error) && (
        <div className="error-box" role="alert" data-testid="mitm-error">
          {error ?? `The forward proxy could not start: ${mitm?.error}`}
          {/EADDRINUSE|in use/i.test(error ?? mitm?.error ?? '') && <span className="muted"> — type another port above (0 picks a free one).</span>}
        </div>
      )}
      {mitm?.lastClientTlsError && (
        <div className="notice notice-warn" data-testid="mitm-tls-hint">
          <strong>A client hung up: does it trust the CA?</strong> <span className="mono">{mitm.lastClientTlsError}</span>
        </div>
      )}
      {mitm && (
        <>
          <div className="setup-section-head">
            <h3>Paste into the agent's shell</h3>
          </div>
          <ul className={`env-lines${mitm.listening ? '' : ' env-lines-off'}`} title={mitm.listening ? undefined : 'The forward proxy is not listening: these lines do not work yet'}>
            {lines.map((env, i) => (
              <EnvLine key={`${i}:${env.line}`} env={env} testId="mitm-env-line" explain={false} />
            ))}
          </ul>
          <EnvSnippet lines={lines.map((l) => l.line)} />
          <div className="mitm-ca">
            <span className="dx-label">CA certificate</span>
            <code className="env-code mono" data-testid="mitm-ca-path">
              {mitm.caPath}
            </code>{' '}
            <CopyButton text={mitm.caPath} />
          </div>
          <div className="mitm-ca">
            <span className="dx-label">CA bundle</span>
            <code className="env-code mono" data-testid="mitm-bundle-path" title="System roots plus the inspector's CA, for tools that replace the trust store">
              {mitm.bundlePath}
            </code>{' '}
            <CopyButton text={mitm.bundlePath} />
          </div>
          <div className="mitm-ca">
            <RegenerateCa onError={setError} />
            <span className="muted">Only if the CA leaked or expired.</span>
          </div>
        </>
      )}
    </section>
  )
}
