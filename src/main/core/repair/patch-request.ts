// Applies the active repair rules to one buffered request body: each rule's fix from the catalogue, in rule
// order, on one parsed copy, with the evidence lookup of the conversation the request continues. A rule that
// cannot apply (nothing recorded to restore from, a body that is not JSON, a compressed body) changes nothing
// and says why; the request then goes out as the client sent it.
import type { RepairOutcome, RepairRule } from '../../../shared/types'
import type { EvidenceContext } from '../evidence/candidates'
import type { RequestEvidence, SentMemo } from '../evidence/match'
import { isRecord, safeParse, type JsonRecord } from '../protocols/json'
import { FixError } from '../replay/fixes/fix-error'
import { FIXES, isFixId } from '../replay/fixes/registry'
import type { FixProtocol } from '../replay/fixes/types'
import { lazyBody } from './lazy-body'
import { liveContext, type LiveContextDeps } from './live-context'

export interface PatchInput {
  bytes: Buffer
  protocol: FixProtocol
  /** The request's content-encoding, if any. */
  encoding: string | null
  /** Rules already in scope for this request's format and upstream; conversation scopes are checked here. */
  rules: readonly RepairRule[]
}

export interface PatchDeps extends LiveContextDeps {
  /**
   * Waits until the exchanges still answering or being stored are in the store (their responses may be the
   * evidence a restore lacked); false at once when nothing is on its way.
   */
  settle(): Promise<boolean>
}

export interface PatchResult {
  /** The body to send, in parts sent in order; null when nothing changed (the client's bytes go out as they are). */
  body: Buffer[] | null
  outcome: RepairOutcome
  /** The conversation the request continues, when the evidence names one (read only when a rule needed it). */
  conversationId: string | null
  /** Assistant messages (by index) a restore needed a recorded response for and found none. */
  unrecorded: number[]
}

export async function patchRequest(input: PatchInput, deps: PatchDeps): Promise<PatchResult> {
  const first = applyRules(input, deps)
  // A restore needed a response that may still be on its way to the store: wait for it, then start over from
  // the client's bytes (the first pass may have changed the body).
  if (first.unrecorded.length === 0 || !(await deps.settle())) return first
  return applyRules(input, deps)
}

function applyRules(input: PatchInput, deps: LiveContextDeps): PatchResult {
  const outcome: RepairOutcome = { applied: [], skipped: [] }
  const result: PatchResult = { body: null, outcome, conversationId: null, unrecorded: [] }
  const skipAll = (reason: string): PatchResult => {
    for (const r of input.rules) outcome.skipped.push({ ruleId: r.id, fix: r.fix, reason })
    return result
  }
  if (input.encoding && input.encoding.toLowerCase() !== 'identity') return skipAll(`the body is compressed (${input.encoding}); repair rules change plain JSON bodies only`)
  // Most bodies are read in part (see lazy-body); one the scan does not take is parsed whole.
  const lazy = lazyBody(input.bytes)
  const parsed = lazy ? { ok: true as const, value: lazy.body } : safeParse(input.bytes.toString('utf8'))
  if (!parsed.ok) return skipAll(`the body is not valid JSON (${parsed.error})`)
  if (!isRecord(parsed.value)) return skipAll('the body is not a JSON object')
  const body: JsonRecord = parsed.value

  // The conversation and its evidence are looked up once, on first need, on the body as the client sent it.
  let memo: SentMemo = new WeakMap()
  const holder: { context: BodyContext | null } = { context: null }
  const contextOf = (): BodyContext => {
    if (holder.context) return holder.context
    const live = liveContext(body, deps, memo)
    const ids = live.conversationId ? deps.conversation(live.conversationId).map((s) => s.id) : undefined
    return (holder.context = { conversationId: live.conversationId, ctx: { conversationId: live.conversationId, seq: null, conversation: ids }, evidence: live.evidence })
  }
  const unrecorded = new Set<number>()
  let changed = false
  for (const rule of input.rules) {
    if (rule.scope.kind === 'conversation' && contextOf().conversationId !== rule.scope.conversationId) continue
    if (!isFixId(rule.fix)) continue
    const fix = FIXES[rule.fix]
    // Message indices move when a fix changes the body (fold-system-messages): the evidence follows the body.
    const evidence = (): RequestEvidence => {
      const c = contextOf()
      return (c.evidence ??= deps.evidence.forRequest(body, c.ctx, memo))
    }
    try {
      const changes = fix.apply(body, { protocol: input.protocol, finding: null, evidence, unrecorded: (i) => unrecorded.add(i) })
      if (changes.length === 0) {
        outcome.skipped.push({ ruleId: rule.id, fix: rule.fix, reason: 'nothing to change in this request' })
        continue
      }
      outcome.applied.push({ ruleId: rule.id, fix: rule.fix, changes: changes.slice(0, MAX_CHANGE_LINES) })
      changed = true
      if (holder.context) holder.context.evidence = null
      memo = new WeakMap()
    } catch (err) {
      // A fix that breaks on an unusual body must not stop the agent's request: it goes out as it came.
      const reason = err instanceof FixError ? err.message : `the fix failed on this body (${(err as Error).message})`
      outcome.skipped.push({ ruleId: rule.id, fix: rule.fix, reason })
    }
  }
  result.conversationId = holder.context?.conversationId ?? null
  result.unrecorded = [...unrecorded].sort((a, b) => a - b)
  if (changed) result.body = lazy ? lazy.serialize() : [Buffer.from(JSON.stringify(body), 'utf8')]
  return result
}

interface BodyContext {
  conversationId: string | null
  ctx: EvidenceContext
  /** For the body as it is now; null after a fix changed it. */
  evidence: RequestEvidence | null
}

/** A summary travels with every list update: a long history's change lines are cut (the diff shows them all). */
const MAX_CHANGE_LINES = 20
