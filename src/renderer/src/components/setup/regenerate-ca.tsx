import { useState } from 'react'
import { regenerateCa } from '../../bridge/status-actions'
import './setup.css'

/** A new CA, after a confirm: agents that trusted the old file stop trusting the proxy until given the new one. */
export function RegenerateCa({ onError }: { onError: (message: string | null) => void }) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      await regenerateCa()
      onError(null)
    } catch (err) {
      onError(`Regenerating the CA failed: ${err instanceof Error ? err.message : String(err)}`)
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }
  if (!confirming)
    return (
      <button className="btn btn-small" data-testid="mitm-regenerate-ca" onClick={() => setConfirming(true)} title="Make a new CA certificate and key">
        Regenerate CA…
      </button>
    )
  return (
    <span className="ca-confirm" role="alertdialog" aria-label="Regenerate the CA?">
      <span className="text-yellow">The old CA stops working: every agent that trusts it must be pointed at the new file.</span>
      <button className="btn btn-small btn-danger" data-testid="mitm-regenerate-confirm" disabled={busy} onClick={() => void run()}>
        {busy ? 'Regenerating…' : 'Regenerate'}
      </button>
      <button className="btn btn-small" onClick={() => setConfirming(false)} disabled={busy}>
        Keep the CA
      </button>
    </span>
  )
}
