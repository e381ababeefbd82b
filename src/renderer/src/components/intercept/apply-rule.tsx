// "Apply this fix to future requests": turns a diagnosis's fix into a repair rule for this conversation, this
// upstream or every request, so the agent's next requests are repaired before they are forwarded.
import { useState } from 'react'
import type { RepairScope } from '@shared/types'
import { getApi } from '../../api/get-api'
import { useAppStore } from '../../store/app-store'
import { attempt, useRepairStatus } from './use-intercept'

type ScopeKind = RepairScope['kind']

export function ApplyRule({ fixIds }: { fixIds: string[] }) {
  const repair = useRepairStatus()
  const exchangeId = useAppStore((s) => s.analysisId)
  const baseUrl = useAppStore((s) => s.proxy?.upstream.baseUrl ?? null)
  const usable = fixIds.filter((id) => repair?.fixes.includes(id))
  const [fix, setFix] = useState<string | null>(null)
  const [scope, setScope] = useState<ScopeKind>('conversation')
  const [message, setMessage] = useState<string | null>(null)
  if (usable.length === 0) return null
  const chosen = fix && usable.includes(fix) ? fix : usable[0]
  const apply = async (): Promise<void> => {
    let target: RepairScope = { kind: 'everything' }
    if (scope === 'upstream') {
      if (!baseUrl) return setMessage('no upstream is selected')
      target = { kind: 'upstream', baseUrl }
    } else if (scope === 'conversation') {
      const conversationId = exchangeId ? (await getApi()['exchanges:get']({ id: exchangeId }))?.summary.conversationId : null
      if (!conversationId) return setMessage('this request belongs to no conversation; pick the upstream or every request')
      target = { kind: 'conversation', conversationId }
    }
    const failed = await attempt(() => getApi()['repair:add']({ fix: chosen, scope: target }))
    setMessage(failed ?? `Rule on: ${chosen} is applied to ${scope === 'everything' ? 'every request' : `this ${scope}`}'s next requests`)
  }
  return (
    <div className="dx-fixes apply-rule" data-testid="apply-rule">
      <select value={chosen} onChange={(e) => setFix(e.target.value)} aria-label="Fix for future requests">
        {usable.map((id) => (
          <option key={id}>{id}</option>
        ))}
      </select>
      <select value={scope} onChange={(e) => setScope(e.target.value as ScopeKind)} aria-label="Apply to">
        <option value="conversation">this conversation</option>
        <option value="upstream">this upstream</option>
        <option value="everything">every request</option>
      </select>
      <button className="btn btn-small" data-testid="apply-rule-button" onClick={() => void apply()} title="A repair rule: matching requests are fixed before they are forwarded (turn it off in Rules)">
        Apply this fix to future requests
      </button>
      {message && (
        <span className="dim" role="status" data-testid="apply-rule-message">
          {message}
        </span>
      )}
    </div>
  )
}
