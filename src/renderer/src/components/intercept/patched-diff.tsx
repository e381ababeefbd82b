// A patched request (a repair rule or a breakpoint edit changed it): what each rule did or why it could not,
// and the agent's body against the one sent, structurally.
import { useEffect, useState } from 'react'
import type { ExchangeSummary } from '@shared/types'
import { getApi } from '../../api/get-api'
import { bodyRows, type DiffRow } from '../../lib/json-diff'
import { BodyDiff } from '../shared/json-diff-view'

export function PatchedBadge({ summary }: { summary: ExchangeSummary }) {
  if (summary.state === 'paused') return <span className="chip intercept-paused" data-testid="paused-badge">paused</span>
  if (!summary.patched) return null
  return (
    <span className="chip patched-badge" data-testid="patched-badge" title="A repair rule or a breakpoint edit changed this request: both bodies are kept">
      patched
    </span>
  )
}

export function PatchedDiff({ summary }: { summary: ExchangeSummary }) {
  const [rows, setRows] = useState<DiffRow[] | string | null>(null)
  const id = summary.id
  const show = summary.patched === true || (summary.repair?.skipped.length ?? 0) > 0
  useEffect(() => {
    if (!summary.patched) return
    let live = true
    const api = getApi()
    void Promise.all([api['exchanges:original-body']({ id }), api['exchanges:body']({ id, part: 'request' })]).then(
      ([original, sent]) => live && setRows(bodyRows(original?.text ?? '', sent.text ?? '')),
      (err: Error) => live && setRows(err.message)
    )
    return () => {
      live = false
    }
  }, [id, summary.patched])
  if (!show) return null
  return (
    <section className="diff" data-testid="patched-diff" aria-label="Request: as the agent sent it vs as forwarded">
      <div className="diff-head">
        <span className="dx-label">Patched</span>
        <span className="muted">agent's request → sent upstream</span>
      </div>
      <ul className="paused-changes" data-testid="patched-changes">
        {summary.repair?.applied.map((a) => a.changes.map((c, k) => <li key={`${a.ruleId}-${k}`}>{`${a.fix}: ${c}`}</li>))}
        {summary.repair?.skipped.map((s) => (
          <li key={s.ruleId} className="dim">{`${s.fix} did not apply: ${s.reason}`}</li>
        ))}
        {summary.breakpoint && <li>{`at a ${summary.breakpoint.phase} breakpoint: ${summary.breakpoint.action}`}</li>}
      </ul>
      <BodyDiff rows={rows} unedited={null} same="Same JSON as the agent's (only formatting differs)." />
    </section>
  )
}
