import { useEffect } from 'react'
import { setSetupOpen } from '../../bridge/status-actions'
import { useAppStore } from '../../store/app-store'
import { CopyButton } from '../shared/copy-button'
import { EnvLine } from './env-line'
import { MitmSection } from './mitm-section'
import './setup.css'

const AGENTS: Array<[name: string, how: string]> = [
  ['Claude Code', 'Export the ANTHROPIC_BASE_URL line, then run `claude` in the same shell.'],
  ['Craft Agents', 'Anthropic-compatible provider: paste the ANTHROPIC_BASE_URL value as its base URL.'],
  ['OpenCode', 'Custom OpenAI-compatible provider: set baseURL to the /v1 address below.'],
  ['Kilo Code / Cline', 'API provider "OpenAI Compatible": base URL = the /v1 address, your MiMo key as API key.'],
]

export function SetupPanel({ variant }: { variant: 'empty' | 'overlay' }) {
  const proxy = useAppStore((s) => s.proxy)
  const lines = proxy?.envLines ?? []
  const all = lines.map((l) => l.line).join('\n')

  useEffect(() => {
    if (variant !== 'overlay') return
    const onKey = (e: KeyboardEvent) => {
      // Something inside (the replay editor, a field) may have used this Esc already.
      if (e.key !== 'Escape' || e.defaultPrevented) return
      e.preventDefault()
      setSetupOpen(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [variant])

  return (
    <section className={`setup setup-${variant}`} data-testid="setup-panel" aria-label="Setup">
      <div className="setup-inner">
        <div className="setup-title-row">
          <h2>{variant === 'empty' ? 'Waiting for the first request' : 'Point an agent at the inspector'}</h2>
          {variant === 'overlay' && (
            <button className="btn btn-small" onClick={() => setSetupOpen(false)} aria-label="Close setup">
              Close
            </button>
          )}
        </div>
        {proxy && (
          <p className="setup-status">
            {proxy.reverse.error ? (
              <span className="text-red">
                The proxy could not listen on {proxy.reverse.host}:{proxy.reverse.port}: {proxy.reverse.error}
              </span>
            ) : (
              <>
                Requests to <code className="mono">{proxy.reverse.url}</code> are recorded and forwarded to{' '}
                <code className="mono">{proxy.upstream.baseUrl}</code> ({proxy.upstream.label}).
              </>
            )}
          </p>
        )}
        <div className="setup-section-head">
          <h3>Paste into the agent's shell</h3>
          {lines.length > 1 && <CopyButton text={all} label="Copy all" />}
        </div>
        <ul className="env-lines">
          {lines.map((env, i) => (
            <EnvLine key={`${i}:${env.line}`} env={env} />
          ))}
          {lines.length === 0 && <li className="muted">The core reported no lines.</li>}
        </ul>
        <MitmSection />
        <h3>Per agent</h3>
        <dl className="agents">
          {[...AGENTS, ['Any other tool', `Replace ${proxy?.upstream.baseUrl || 'the MiMo base URL'} with ${proxy?.reverse.url ?? 'the proxy address'}; paths and keys stay the same.`]].map(([name, how]) => (
            <div key={name} className="agent">
              <dt>{name}</dt>
              <dd>{how}</dd>
            </div>
          ))}
        </dl>
        <p className="muted setup-foot">
          Streams pass through untouched; every exchange appears in the list as soon as it starts.
        </p>
      </div>
    </section>
  )
}
