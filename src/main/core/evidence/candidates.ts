// Where recorded responses come from, for the matcher: the store (through its index) or a plain list (the
// responses a test or a HAR holds). A candidate is cheap until its response is decoded.
import type { ReassembledMessage } from '../../../shared/types'
import { replyFacts, type ReplyFacts } from './reply-facts'

export interface Candidate {
  exchangeId: string
  seq: number
  conversationId: string | null
  /** How many messages the request that produced it carried: its reply becomes message `messages` next. */
  messages: number | null
  facts: ReplyFacts
  /** The decoded response; null when its body cannot be read any more. */
  reply(): ReassembledMessage | null
}

export interface CandidateSource {
  byCall(id: string): readonly Candidate[]
  byText(key: string): readonly Candidate[]
  byThinking(key: string): readonly Candidate[]
  /** Every candidate of a conversation, for matching a turn by its place. */
  inConversation(conversationId: string): readonly Candidate[]
}

/** Where the request being explained sits: candidates of its conversation come first, later ones never count. */
export interface EvidenceContext {
  conversationId: string | null
  /** Its arrival order; responses recorded after it cannot be what it replays. null: no limit. */
  seq: number | null
  /** Exchange ids of its conversation in order (the request strip's), to number responses as the strip does. */
  conversation?: readonly string[]
}

export interface ListedReply {
  reply: ReassembledMessage
  exchangeId?: string
  seq?: number
  conversationId?: string | null
  messages?: number | null
}

export const LIST_CONVERSATION = 'listed'

/** A source over responses held in memory, oldest first (tests, HAR files, a fix given the replies). */
export function listSource(replies: readonly (ReassembledMessage | ListedReply)[]): CandidateSource {
  const all: Candidate[] = []
  replies.forEach((item, k) => {
    const listed: ListedReply = 'blocks' in item ? { reply: item } : item
    const facts = replyFacts(listed.reply)
    if (!facts) return
    all.push({
      exchangeId: listed.exchangeId ?? `response-${k + 1}`,
      seq: listed.seq ?? k + 1,
      conversationId: listed.conversationId === undefined ? LIST_CONVERSATION : listed.conversationId,
      messages: listed.messages ?? null,
      facts,
      reply: () => listed.reply
    })
  })
  return {
    byCall: (id) => all.filter((c) => c.facts.calls.includes(id)),
    byText: (key) => all.filter((c) => c.facts.text === key),
    byThinking: (key) => all.filter((c) => c.facts.thinking === key),
    inConversation: (id) => all.filter((c) => c.conversationId === id)
  }
}
