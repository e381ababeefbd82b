// Repair rules (toggle, delete, add for everything), breakpoints (add with a filter, remove) and the exchanges
// paused at one, each with its quick actions and a way into the replay editor, where it is edited and let go.
import { useState } from 'react'
import type { BreakPhase, BreakpointStatus, RepairRule, RepairStatus } from '@shared/types'
import { getApi } from '../../api/get-api'
import { PausedItem } from './paused-item'
import { attempt } from './use-intercept'

function scopeText(rule: RepairRule): string {
  const s = rule.scope
  return s.kind === 'everything' ? 'every request' : s.kind === 'upstream' ? s.baseUrl : `conversation ${s.conversationId.slice(0, 8)}`
}

export function InterceptPanel({ repair, breaks, onClose }: { repair: RepairStatus | null; breaks: BreakpointStatus | null; onClose: () => void }) {
  const api = getApi()
  const [error, setError] = useState<string | null>(null)
  const [fix, setFix] = useState('restore-thinking')
  const [filter, setFilter] = useState('')
  const [phase, setPhase] = useState<BreakPhase>('request')
  const run = async (call: () => Promise<unknown>): Promise<void> => setError(await attempt(call))
  return (
    <aside className="intercept-panel" data-testid="intercept-panel" aria-label="Repair rules and breakpoints" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="intercept-head">
        <h2>Repair rules and breakpoints</h2>
        <button className="btn btn-small" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      {error && (
        <p className="notice notice-error" role="alert" data-testid="intercept-error">
          {error}
        </p>
      )}

      <section>
        <h3>Paused {breaks && breaks.paused.length > 0 ? `(${breaks.paused.length})` : ''}</h3>
        {breaks?.paused.length ? (
          breaks.paused.map((p) => <PausedItem key={p.exchangeId} paused={p} />)
        ) : (
          <p className="dim">Nothing is waiting. A request or response that matches a breakpoint stops here until you let it go (or {Math.round((breaks?.timeoutMs ?? 240_000) / 1000)} s pass).</p>
        )}
      </section>

      <section>
        <h3>Repair rules</h3>
        <ul className="intercept-list" data-testid="rule-list">
          {repair?.rules.map((r) => (
            <li key={r.id} data-testid="rule-row" data-fix={r.fix}>
              <label>
                <input type="checkbox" checked={r.enabled} onChange={(e) => void run(() => api['repair:set']({ id: r.id, enabled: e.target.checked }))} />
                <span className="mono">{r.fix}</span>
              </label>
              <span className="dim">{scopeText(r)}</span>
              {r.source === 'cli' && <span className="chip">--repair</span>}
              <button className="btn btn-small" data-testid="rule-delete" onClick={() => void run(() => api['repair:delete']({ id: r.id }))}>
                Delete
              </button>
            </li>
          ))}
        </ul>
        <div className="intercept-form">
          <select value={fix} onChange={(e) => setFix(e.target.value)} aria-label="Fix">
            {(repair?.fixes ?? []).map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
          <button className="btn btn-small" data-testid="rule-add" onClick={() => void run(() => api['repair:add']({ fix, scope: { kind: 'everything' } }))}>
            Add for every request
          </button>
        </div>
      </section>

      <section>
        <h3>Breakpoints</h3>
        <ul className="intercept-list" data-testid="breakpoint-list">
          {breaks?.breakpoints.map((b) => (
            <li key={b.id} data-testid="breakpoint-row">
              <span className="mono">{b.filter || '(every exchange)'}</span>
              <span className="dim">
                {b.phase}
                {b.once ? ', once' : ''}
              </span>
              <button className="btn btn-small" onClick={() => void run(() => api['breakpoints:remove']({ id: b.id }))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <form
          className="intercept-form"
          onSubmit={(e) => {
            e.preventDefault()
            void run(() => api['breakpoints:add']({ filter, phase, once: false }))
          }}
        >
          <input value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="filter, e.g. model:mimo-v2.5-pro status:4xx" aria-label="Breakpoint filter" data-testid="breakpoint-filter" />
          <select value={phase} onChange={(e) => setPhase(e.target.value as BreakPhase)} aria-label="Pause">
            <option value="request">requests</option>
            <option value="response">responses</option>
            <option value="both">both</option>
          </select>
          <button className="btn btn-small" type="submit" data-testid="breakpoint-add">
            Add breakpoint
          </button>
        </form>
        <BreakTimeout seconds={Math.round((breaks?.timeoutMs ?? 240_000) / 1000)} run={run} />
      </section>
    </aside>
  )
}

/**
 * How long a pause waits before it continues unedited, for this run (`serve --break-timeout` sets it at start).
 * Kept under 300 s: Node's fetch gives up waiting for response headers after that, and the agent would fail first.
 */
function BreakTimeout({ seconds, run }: { seconds: number; run: (call: () => Promise<unknown>) => Promise<void> }) {
  const [value, setValue] = useState<string | null>(null)
  const shown = value ?? String(seconds)
  return (
    <form
      className="intercept-form"
      onSubmit={(e) => {
        e.preventDefault()
        void run(() => getApi()['breakpoints:set-timeout']({ seconds: Number(shown) })).then(() => setValue(null))
      }}
    >
      <label className="dim" htmlFor="break-timeout">
        A pause continues unedited after
      </label>
      <input id="break-timeout" className="break-timeout" type="number" min={1} max={3600} value={shown} onChange={(e) => setValue(e.target.value)} data-testid="break-timeout" />
      <span className="dim">s (this run{Number(shown) >= 300 ? '; an agent on Node fetch gives up at 300 s' : ''})</span>
      <button className="btn btn-small" type="submit" data-testid="break-timeout-set" disabled={value === null || Number(value) === seconds}>
        Set
      </button>
    </form>
  )
}
