// Where a live request belongs before it is recorded: its conversation is not known until the persist worker
// groups it, so it is read from the evidence: the recorded response behind its latest assistant message is the
// previous step of the conversation it continues. The evidence is then looked up again with that conversation,
// so a restore takes the same session's responses first and only then the store's (by tool call id).
import type { ExchangeSummary } from '../../../shared/types'
import type { RequestEvidence, SentMemo } from '../evidence/match'
import type { StoreEvidence } from '../evidence/store-evidence'
import { isRecord } from '../protocols/json'
import type { ExchangeRecord } from '../store/record'

export interface LiveContextDeps {
  evidence: StoreEvidence
  get(id: string): ExchangeRecord | undefined
  conversation(conversationId: string): readonly ExchangeSummary[]
}

export interface LiveContext {
  conversationId: string | null
  evidence: RequestEvidence
}

/** `memo` carries the message hashes from the loose lookup to the second one (and to a later one on the same body). */
export function liveContext(body: unknown, deps: LiveContextDeps, memo: SentMemo = new WeakMap()): LiveContext {
  const loose = deps.evidence.forRequest(body, { conversationId: null, seq: null }, memo)
  const conversationId = continuedConversation(body, loose, deps)
  if (!conversationId) return { conversationId: null, evidence: loose }
  const ids = deps.conversation(conversationId).map((s) => s.id)
  return { conversationId, evidence: deps.evidence.forRequest(body, { conversationId, seq: null, conversation: ids }, memo) }
}

function continuedConversation(body: unknown, evidence: RequestEvidence, deps: LiveContextDeps): string | null {
  const messages = isRecord(body) && Array.isArray(body.messages) ? body.messages : []
  // Latest first, asking only for assistant turns (a live lookup finds each turn on first use).
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]
    if (!isRecord(m) || m.role !== 'assistant') continue
    const turn = evidence.turns.get(i)
    const id = turn ? deps.get(turn.ref.exchangeId)?.summary.conversationId : null
    if (id) return id
  }
  return null
}
