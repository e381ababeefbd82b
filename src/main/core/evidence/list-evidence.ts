// Evidence from responses held in a list (tests, a HAR, a caller without a store): one conversation, in order.
import type { ReassembledMessage } from '../../../shared/types'
import { LIST_CONVERSATION, listSource, type ListedReply } from './candidates'
import { findEvidence, type RequestEvidence } from './match'

export function listEvidence(body: unknown, replies: readonly (ReassembledMessage | ListedReply)[]): RequestEvidence {
  const ids = replies.map((r, k) => ('blocks' in r ? undefined : r.exchangeId) ?? `response-${k + 1}`)
  return findEvidence(body, listSource(replies), { conversationId: LIST_CONVERSATION, seq: null, conversation: ids })
}
