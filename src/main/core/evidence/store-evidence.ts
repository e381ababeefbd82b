// The evidence lookup over a data folder: an index from tool call id, text hash and thinking hash to the
// exchanges whose responses hold them, built from the facts each record carries (written at record time) and
// kept current as records arrive. Responses are decoded only when a candidate is examined, a few at a time.
import type { ExchangeSummary, ReassembledMessage } from '../../../shared/types'
import { decodeContent, headerValue } from '../capture/decode'
import { buildMessageView } from '../protocols/stream-view'
import type { BodyRef } from '../store/refs'
import type { ExchangeRecord } from '../store/record'
import type { Candidate, CandidateSource, EvidenceContext } from './candidates'
import { findEvidence, type RequestEvidence, type SentMemo } from './match'
import { replyFacts, type ReplyFacts } from './reply-facts'
import { servesAsEvidence } from './serves-as-evidence'

/** What the lookup reads of a store: its records in arrival order and body bytes. */
export interface EvidenceStore {
  readonly records: readonly ExchangeRecord[]
  getBody(ref: BodyRef): Buffer
}

const DECODED_KEPT = 64

export class StoreEvidence implements CandidateSource {
  private readonly seen = new Set<string>()
  private readonly calls = new Map<string, Candidate[]>()
  private readonly texts = new Map<string, Candidate[]>()
  private readonly thoughts = new Map<string, Candidate[]>()
  private readonly conversations = new Map<string, Candidate[]>()
  private readonly decoded = new Map<string, ReassembledMessage | null>()
  private count = -1

  constructor(private readonly store: EvidenceStore) {}

  /** The recorded response behind each assistant message of `body`. */
  forRequest(body: unknown, ctx: EvidenceContext, memo?: SentMemo): RequestEvidence {
    this.sync()
    return findEvidence(body, this, ctx, memo)
  }

  /** Where a recorded exchange sits, for explaining it: its conversation (ids in order) and its place. */
  static contextOf(summary: ExchangeSummary, conversation: readonly ExchangeSummary[]): EvidenceContext & { requestN: number | null } {
    const ids = conversation.map((s) => s.id)
    const at = ids.indexOf(summary.id)
    return { conversationId: summary.conversationId, seq: summary.seq, conversation: ids, requestN: at >= 0 ? at + 1 : null }
  }

  byCall(id: string): readonly Candidate[] {
    return this.calls.get(id) ?? []
  }

  byText(key: string): readonly Candidate[] {
    return this.texts.get(key) ?? []
  }

  byThinking(key: string): readonly Candidate[] {
    return this.thoughts.get(key) ?? []
  }

  inConversation(conversationId: string): readonly Candidate[] {
    return this.conversations.get(conversationId) ?? []
  }

  /** Indexes records it has not seen; a no-op while the store's record count is unchanged. */
  sync(): void {
    const records = this.store.records
    if (records.length === this.count) return
    for (const record of records) if (!this.seen.has(record.summary.id)) this.add(record)
    this.count = records.length
  }

  private add(record: ExchangeRecord): void {
    this.seen.add(record.summary.id)
    if (!servesAsEvidence(record.summary) || !record.response?.body || record.response.bodyCut) return
    // Records from before the facts were written: decode once to index them.
    const facts: ReplyFacts | null = record.reply ?? replyFacts(this.reply(record))
    if (!facts) return
    const candidate: Candidate = {
      exchangeId: record.summary.id,
      seq: record.summary.seq,
      conversationId: record.summary.conversationId,
      messages: record.meta?.messages ?? null,
      facts,
      reply: () => this.reply(record)
    }
    for (const id of new Set(facts.calls)) push(this.calls, id, candidate)
    if (facts.text) push(this.texts, facts.text, candidate)
    if (facts.thinking) push(this.thoughts, facts.thinking, candidate)
    if (candidate.conversationId) push(this.conversations, candidate.conversationId, candidate)
  }

  private reply(record: ExchangeRecord): ReassembledMessage | null {
    const id = record.summary.id
    if (this.decoded.has(id)) return this.decoded.get(id)!
    const value = decodeReply(this.store, record)
    this.decoded.set(id, value)
    if (this.decoded.size > DECODED_KEPT) this.decoded.delete(this.decoded.keys().next().value as string)
    return value
  }
}

function push(map: Map<string, Candidate[]>, key: string, candidate: Candidate): void {
  const list = map.get(key)
  if (list) list.push(candidate)
  else map.set(key, [candidate])
}

/** The response of a record, reassembled; null when it cannot be read or does not parse. */
export function decodeReply(store: EvidenceStore, record: ExchangeRecord): ReassembledMessage | null {
  const res = record.response
  const protocol = record.summary.protocol
  if (!res?.body || protocol === 'unknown') return null
  try {
    const decoded = decodeContent(store.getBody(res.body), headerValue(res.headers, 'content-encoding'))
    if (!decoded.bytes) return null
    const message = buildMessageView(protocol, decoded.bytes.toString('utf8'), headerValue(res.headers, 'content-type'))
    return message && !message.error ? message : null
  } catch {
    return null
  }
}
