import { useState } from 'react'
import { closeMinimize, isMinimizeActive, startMinimize } from '../../bridge/minimize-actions'
import { keyNeed, ORIGINAL, toReplayTarget, type TargetChoice } from '../../lib/replay-target'
import { useAppStore } from '../../store/app-store'
import type { MinimizeMode } from '../../store/minimize-slice'
import { KeyField } from '../shared/key-field'
import { MinimizeProgressBar } from './minimize-progress'
import { MinimizeResult } from './minimize-result'
import { TargetPicker } from '../replay/replay-target'
import './minimize.css'

/** Shrink a failed request to the smallest that fails the same way: against the endpoint, or predicted offline. */
export function MinimizePanel({ id }: { id: string }) {
  const open = useAppStore((s) => s.minimizeOpenFor === id)
  const run = useAppStore((s) => (s.minimize?.exchangeId === id ? s.minimize : null))
  const otherRunning = useAppStore((s) => s.minimize !== null && s.minimize.exchangeId !== id && isMinimizeActive(s.minimize))
  const error = useAppStore((s) => s.minimizeError)
  const headers = useAppStore((s) => (s.detail.status === 'ready' && s.detail.value?.summary.id === id ? s.detail.value.request.headers : null))
  const keys = useAppStore((s) => s.keyStatus)
  const upstream = useAppStore((s) => s.byId.get(id)?.upstreamUrl ?? '')
  const [mode, setMode] = useState<MinimizeMode>('upstream')
  const [budget, setBudget] = useState('60')
  const [target, setTarget] = useState<TargetChoice>(ORIGINAL)
  const [keyWanted, setKeyWanted] = useState(false)
  const [formError, setFormError] = useState<string | null>(null)
  // Folded to its title and progress, so the response below keeps the room.
  const [folded, setFolded] = useState(false)
  if (!open) return null
  const active = isMinimizeActive(run)
  const need = mode === 'upstream' ? (error && /\bkey\b/i.test(error) ? error : keyNeed(headers, keys)) : null

  const start = () => {
    const n = Number(budget)
    if (!Number.isInteger(n) || n < 1 || n > 1000) return setFormError('the budget is a number of requests, 1 to 1000')
    let t
    try {
      t = mode === 'upstream' ? toReplayTarget(target) : null
    } catch (err) {
      return setFormError((err as Error).message)
    }
    setFormError(null)
    void startMinimize(id, mode, n, t)
  }

  return (
    <section className="minimize-panel" data-testid="minimize-panel" aria-label="Minimize">
      <div className="replay-row">
        <button className="btn btn-icon minimize-fold" data-testid="minimize-fold" aria-expanded={!folded} onClick={() => setFolded(!folded)} title={folded ? 'Show the minimize form and result' : 'Fold to one line'}>
          {folded ? '▸' : '▾'}
        </button>
        <span className="dx-title">Minimize</span>
        <span className="muted">the smallest request that still fails the same way</span>
        <span className="header-spacer" />
        <button className="btn btn-icon" onClick={closeMinimize} aria-label="Close minimize" title="Close">
          ×
        </button>
      </div>
      {!folded && (
        <div className="replay-row minimize-form">
          <label className="replay-field">
            <span className="dx-label">Check each try</span>
            <select
              className="input"
              data-testid="minimize-mode"
              value={mode}
              disabled={active}
              onChange={(e) => setMode(e.target.value as MinimizeMode)}
              title="How each smaller request is judged: sent to the endpoint (real, uses quota), or predicted from the rules offline"
            >
              <option value="upstream">against the endpoint (real requests)</option>
              <option value="predicted">against the rules (offline, instant)</option>
            </select>
          </label>
          <label className="replay-field">
            <span className="dx-label">Budget</span>
            <input
              className="input mono minimize-budget"
              data-testid="minimize-budget"
              type="number"
              min={1}
              max={1000}
              value={budget}
              disabled={active || mode === 'predicted'}
              title={mode === 'predicted' ? 'Predicted runs cost nothing' : 'At most this many requests to the endpoint'}
              onChange={(e) => setBudget(e.target.value)}
            />
            <span className="muted">requests</span>
          </label>
          {mode === 'upstream' && (
            <label className="replay-field">
              <span className="dx-label">Target</span>
              <TargetPicker value={target} onChange={setTarget} original={upstream} testId="minimize-target" />
            </label>
          )}
          <button className="btn btn-primary" data-testid="minimize-start" disabled={otherRunning || active} onClick={start}>
            {active ? 'Running…' : run ? 'Run again' : 'Start'}
          </button>
        </div>
      )}
      {!folded && mode === 'upstream' && <KeyField name="minimize" need={need} wanted={keyWanted} testId="minimize-key-input" onWanted={setKeyWanted} />}
      {otherRunning && <div className="notice muted">A minimize run for another request is going; one at a time.</div>}
      {(formError || error) && (
        <div className="error-box" role="alert" data-testid="minimize-error">
          {formError ?? error}
        </div>
      )}
      {run && <MinimizeProgressBar run={run} />}
      {run && !active && !folded && <MinimizeResult run={run} />}
    </section>
  )
}
