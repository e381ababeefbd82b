import { useEffect, useRef } from 'react'
import { registerKeyField, type KeyField as KeyFieldName } from '../../bridge/typed-keys'
import { useAppStore } from '../../store/app-store'
import './shared.css'

/**
 * A key for the replay (or minimize run), shown when the core holds none for this request or the user asks.
 * A password field whose value is read once, handed to the core and cleared: it never reaches the store.
 */
export function KeyField({
  name,
  need,
  wanted,
  testId,
  onWanted
}: {
  name: KeyFieldName
  need: string | null
  wanted: boolean
  testId: string
  onWanted: (wanted: boolean) => void
}) {
  const canPersist = useAppStore((s) => s.keyStatus?.canPersist ?? false)
  const known = useAppStore((s) => s.keyStatus?.fingerprints ?? [])
  const input = useRef<HTMLInputElement>(null)
  const remember = useRef<HTMLInputElement>(null)
  const shown = need !== null || wanted

  useEffect(() => {
    if (!shown || !input.current) return
    return registerKeyField(name, { input: input.current, remember: () => remember.current?.checked ?? false })
  }, [name, shown])

  if (!shown)
    return (
      <div className="replay-row key-row-closed">
        <span className="muted">
          Key: {known.length > 0 ? `held for this run (${known.join(', ')})` : 'the one the request carried'}
        </span>
        <button className="btn-link" data-testid={`${testId}-show`} onClick={() => onWanted(true)}>
          use another key…
        </button>
      </div>
    )
  return (
    <div className="replay-row key-row">
      <label className="replay-field">
        <span className="dx-label">Key</span>
        <input
          ref={input}
          className="input mono key-input"
          data-testid={testId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder="sk-… or tp-… (kept in memory, sent only to the target)"
        />
      </label>
      {canPersist && (
        <label className="check" title="Kept encrypted by the operating system's keychain, for the next start">
          <input ref={remember} type="checkbox" data-testid={`${testId}-remember`} /> remember (encrypted, desktop only)
        </label>
      )}
      {need ? <span className="key-need">{need}</span> : (
        <button className="btn-link" onClick={() => onWanted(false)}>
          keep the request's key
        </button>
      )}
    </div>
  )
}
