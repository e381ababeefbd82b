import { useEffect, useState } from 'react'
import type { UpstreamProfileId } from '@shared/types'
import { setUpstream } from '../../bridge/status-actions'
import { useAppStore } from '../../store/app-store'
import './shell.css'

export function UpstreamSelect() {
  const proxy = useAppStore((s) => s.proxy)
  const error = useAppStore((s) => s.upstreamError)
  /** The user's pick while it is not applied yet (a custom URL still being typed). */
  const [choice, setChoice] = useState<UpstreamProfileId | null>(null)
  const [editing, setEditing] = useState(false)
  const [url, setUrl] = useState('')
  const [busy, setBusy] = useState(false)

  const currentId = proxy?.upstream.id ?? null
  const currentUrl = proxy?.upstream.baseUrl ?? ''
  useEffect(() => {
    // Follow the core (another window or the CLI may change it).
    setChoice(null)
    setEditing(false)
    if (currentId === 'custom') setUrl(currentUrl)
  }, [currentId, currentUrl])

  if (!proxy) return null
  const selected = choice ?? currentId ?? 'mimo'
  const showInput = selected === 'custom' && (editing || currentId !== 'custom')

  const apply = async (profile: UpstreamProfileId, customUrl?: string) => {
    setBusy(true)
    const ok = await setUpstream(profile, customUrl)
    setBusy(false)
    if (ok) {
      setChoice(null)
      setEditing(false)
    }
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
        title={currentUrl}
        onChange={(e) => {
          const id = e.target.value as UpstreamProfileId
          setChoice(id)
          if (id === 'custom') setEditing(true)
          else void apply(id)
        }}
      >
        {profiles.map((p) => (
          <option key={p.id} value={p.id}>
            {p.id === 'custom' ? 'Custom URL…' : p.label}
          </option>
        ))}
      </select>
      {showInput ? (
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
            autoFocus
            onChange={(e) => setUrl(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Escape') return
              e.preventDefault()
              e.stopPropagation()
              setChoice(null)
              setEditing(false)
              setUrl(currentId === 'custom' ? currentUrl : '')
            }}
            spellCheck={false}
          />
          <button className="btn btn-small" type="submit" disabled={busy || !url.trim()}>
            Apply
          </button>
        </form>
      ) : (
        currentId === 'custom' && (
          <button className="btn-link mono upstream-url" onClick={() => setEditing(true)} title="Change the custom upstream URL">
            {currentUrl}
          </button>
        )
      )}
      {error && (
        <span className="upstream-error" role="alert" title={error}>
          {error}
        </span>
      )}
    </div>
  )
}
