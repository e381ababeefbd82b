import { useEffect, useState } from 'react'
import type { UpstreamProfileId } from '@shared/types'
import { setUpstream } from '../bridge/status-actions'
import { useAppStore } from '../store/app-store'

export function UpstreamSelect() {
  const proxy = useAppStore((s) => s.proxy)
  const error = useAppStore((s) => s.upstreamError)
  const [choice, setChoice] = useState<UpstreamProfileId | null>(null)
  const [url, setUrl] = useState('')
  const [busy, setBusy] = useState(false)

  const current = proxy?.upstream.id ?? null
  useEffect(() => {
    // Follow the core (another window or the CLI may change it) unless the user is editing a custom URL.
    setChoice(null)
    if (proxy?.upstream.id === 'custom') setUrl(proxy.upstream.baseUrl)
  }, [proxy?.upstream.id, proxy?.upstream.baseUrl])

  if (!proxy) return null
  const selected = choice ?? current ?? 'mimo'

  const apply = async (profile: UpstreamProfileId, customUrl?: string) => {
    setBusy(true)
    const ok = await setUpstream(profile, customUrl)
    setBusy(false)
    if (ok) setChoice(null)
  }

  const profiles = proxy.profiles.some((p) => p.id === 'custom')
    ? proxy.profiles
    : [...proxy.profiles, { id: 'custom' as const, label: 'Custom URL…', baseUrl: '' }]

  return (
    <div className="header-item upstream">
      <label className="header-label" htmlFor="upstream-select">
        Upstream
      </label>
      <select
        id="upstream-select"
        data-testid="upstream-select"
        value={selected}
        disabled={busy}
        title={proxy.upstream.baseUrl}
        onChange={(e) => {
          const id = e.target.value as UpstreamProfileId
          setChoice(id)
          if (id !== 'custom') void apply(id)
        }}
      >
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
            {p.baseUrl && p.id !== 'custom' ? ` — ${p.baseUrl.replace(/^https?:\/\//, '')}` : ''}
          </option>
        ))}
      </select>
      {selected === 'custom' && (
        <form
          className="upstream-custom"
          onSubmit={(e) => {
            e.preventDefault()
            void apply('custom', url.trim())
          }}
        >
          <input
            className="input mono"
            data-testid="upstream-url"
            type="url"
            placeholder="https://host/base"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            spellCheck={false}
          />
          <button className="btn btn-small" type="submit" disabled={busy || !url.trim()}>
            Apply
          </button>
        </form>
      )}
      {error && (
        <span className="upstream-error" role="alert" title={error}>
          {error}
        </span>
      )}
    </div>
  )
}
