// Calls for repair rules and breakpoints, and a patched exchange's original request body.
import { ApiArgError } from '../../../shared/api'
import type { BreakpointStatus, RepairStatus } from '../../../shared/types'
import { bodyView } from '../body-views'
import { BreakpointError, type Breakpoints } from '../breakpoints/breakpoints'
import type { ExchangeReader } from '../capture/exchange-reader'
import { asArgError, knownProtocol, type Handlers } from '../handler-kit'
import { applyPausedFix, pausedFixes } from '../breakpoints/paused-fixes'
import type { LiveContextDeps } from '../repair/live-context'
import type { RepairEngine } from '../repair/repair-engine'
import { RuleError } from '../repair/repair-rules'

export interface InterceptHandlerDeps {
  repair: RepairEngine
  breakpoints: Breakpoints
  reader: ExchangeReader
  repairChanged: () => RepairStatus
  evidence: LiveContextDeps
}

type Calls =
  | 'repair:status'
  | 'repair:add'
  | 'repair:set'
  | 'repair:delete'
  | 'breakpoints:status'
  | 'breakpoints:add'
  | 'breakpoints:remove'
  | 'breakpoints:break-next'
  | 'breakpoints:resume'
  | 'breakpoints:set-timeout'
  | 'breakpoints:fixes'
  | 'breakpoints:apply-fix'
  | 'exchanges:original-body'

export function interceptHandlers({ repair, breakpoints, reader, repairChanged, evidence }: InterceptHandlerDeps): Handlers<Calls> {
  /** The format of a paused request (fixes are per format). */
  const pausedProtocol = (id: string): 'anthropic' | 'openai' => {
    if (!breakpoints.status().paused.some((p) => p.exchangeId === id && p.phase === 'request')) throw new ApiArgError(`exchange ${id} is not a paused request`)
    return knownProtocol(reader.detail(id)?.summary.protocol ?? 'unknown')
  }
  const rules = (fn: () => void): RepairStatus => {
    userError(fn)
    return repairChanged()
  }
  const bp = (fn: () => void): BreakpointStatus => {
    userError(fn)
    return breakpoints.status()
  }
  return {
    'repair:status': async () => repair.status(),
    'repair:add': async ({ fix, scope }) => rules(() => repair.rules.add(fix, scope)),
    'repair:set': async ({ id, enabled }) => rules(() => repair.rules.setEnabled(id, enabled)),
    'repair:delete': async ({ id }) => rules(() => repair.rules.delete(id)),
    'breakpoints:status': async () => breakpoints.status(),
    'breakpoints:add': async ({ filter, phase, once }) => bp(() => breakpoints.add(filter, phase, once)),
    'breakpoints:remove': async ({ id }) => bp(() => breakpoints.remove(id)),
    'breakpoints:break-next': async ({ conversationId }) => bp(() => breakpoints.add(`conversation:${conversationId}`, 'request', true)),
    'breakpoints:resume': async ({ id, action, body, response }) =>
      bp(() => {
        if (action === 'drop') return breakpoints.resume(id, { action: 'drop' })
        if (action === 'answer') {
          if (!response) throw new BreakpointError('answer needs a response (status, headers, body)')
          return breakpoints.resume(id, { action: 'answer', response: { status: response.status, headers: response.headers, body: Buffer.from(response.body, 'utf8') } })
        }
        breakpoints.resume(id, body === null ? { action: 'continue' } : { action: 'edit', body: Buffer.from(body, 'utf8') })
      }),
    'breakpoints:set-timeout': async ({ seconds }) => bp(() => breakpoints.changeTimeout(seconds * 1000)),
    'breakpoints:fixes': async ({ id, body }) => ({ fixIds: pausedFixes(pausedProtocol(id), body, evidence) }),
    'breakpoints:apply-fix': async ({ id, fixId, body }) => {
      const protocol = pausedProtocol(id)
      return asArgError(() => applyPausedFix(protocol, fixId, body, evidence))
    },
    'exchanges:original-body': async ({ id }) => {
      await reader.bodiesHere(id)
      const raw = reader.originalBody(id)
      return raw ? bodyView(id, 'request', raw, raw.bytes?.length ?? 0) : null
    }
  }
}

function userError(fn: () => void): void {
  try {
    fn()
  } catch (err) {
    if (err instanceof RuleError || err instanceof BreakpointError) throw new ApiArgError(err.message)
    throw err
  }
}
