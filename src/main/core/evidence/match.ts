// The evidence lookup: for every assistant message of a request, the recorded response that produced it and
// what the client changed in it. A response is found by the message's tool call ids (the same conversation
// first, then the whole store, where the calls' names and inputs must match too), else by its text (or its
// first text block being the response's thinking), else by its place in the conversation (the response to
// the request with N messages becomes message N), which is how changed tool call ids show up at all.
import type { EvidenceRef, ReassembledMessage } from '../../../shared/types'
import { isRecord, type JsonRecord } from '../protocols/json'
import type { Candidate, CandidateSource, EvidenceContext } from './candidates'
import { classify, type EvidenceChange } from './classify'
import { textKey } from './reply-facts'
import { joinedText, recordedTurn, sentTurn, thinkingText, type Turn } from './turn'

export interface TurnEvidence {
  messageIndex: number
  ref: EvidenceRef
  reply: ReassembledMessage
  /** The recorded turn: its thinking blocks and reasoning are what a restore puts back. */
  recorded: Turn
  changes: EvidenceChange[]
}

export interface RequestEvidence {
  /** By message index; a message with no entry has no recorded response. */
  turns: ReadonlyMap<number, TurnEvidence>
  /** False when there was nowhere to look (a file diagnosed on its own). */
  searched: boolean
}

export const NO_EVIDENCE: RequestEvidence = { turns: new Map(), searched: false }

/** Texts shorter than this match only inside the request's own conversation ("Done." is in many). */
const MIN_STORE_TEXT = 40

/**
 * What a lookup reads of each assistant message (its turn and text hashes), kept by message object so a second
 * lookup of the same unchanged body (live repair: once loose, once in the conversation found) hashes nothing
 * again. Only for a body that does not change between the lookups.
 */
export type SentMemo = WeakMap<object, SentFacts>

interface SentFacts {
  sent: Turn
  text: string
  thought: string
  /** Hashes, taken on first need (most turns match by tool call id and hash nothing). */
  keys: { text?: string | null; thought?: string | null }
}

/**
 * With a memo (live repair), turns are looked up one message at a time on first use: a rule asks for the few
 * turns it may change, not the hundreds of a long history. The body must not change while the result is used.
 */
export function findEvidence(body: unknown, source: CandidateSource, ctx: EvidenceContext, memo?: SentMemo): RequestEvidence {
  const messages = isRecord(body) && Array.isArray(body.messages) ? body.messages : []
  const find = (i: number): TurnEvidence | null => {
    const message = messages[i]
    if (!isRecord(message) || message.role !== 'assistant') return null
    let facts = memo?.get(message)
    if (!facts) {
      facts = sentFacts(message)
      memo?.set(message, facts)
    }
    return matchTurn(facts, i, source, ctx)
  }
  const turns = new LazyTurns(messages.length, find)
  return { turns: memo ? turns : turns.all(), searched: true }
}

/** Turns by message index, each found on first `get`; iterating finds them all. */
class LazyTurns implements ReadonlyMap<number, TurnEvidence> {
  private readonly found = new Map<number, TurnEvidence | null>()

  constructor(
    private readonly count: number,
    private readonly find: (i: number) => TurnEvidence | null
  ) {}

  get(i: number): TurnEvidence | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.count) return undefined
    let turn = this.found.get(i)
    if (turn === undefined) this.found.set(i, (turn = this.find(i)))
    return turn ?? undefined
  }

  has(i: number): boolean {
    return this.get(i) !== undefined
  }

  /** Every turn, in message order. */
  all(): Map<number, TurnEvidence> {
    const out = new Map<number, TurnEvidence>()
    for (let i = 0; i < this.count; i++) {
      const turn = this.get(i)
      if (turn) out.set(i, turn)
    }
    return out
  }

  get size(): number {
    return this.all().size
  }

  forEach(fn: (value: TurnEvidence, key: number, map: ReadonlyMap<number, TurnEvidence>) => void): void {
    this.all().forEach((v, k) => fn(v, k, this))
  }

  entries(): MapIterator<[number, TurnEvidence]> {
    return this.all().entries()
  }

  keys(): MapIterator<number> {
    return this.all().keys()
  }

  values(): MapIterator<TurnEvidence> {
    return this.all().values()
  }

  [Symbol.iterator](): MapIterator<[number, TurnEvidence]> {
    return this.entries()
  }
}

function sentFacts(message: JsonRecord): SentFacts {
  const sent = sentTurn(message)
  const text = joinedText(sent)
  // Its thinking as sent, or thinking sent back as the first text block (reasoning as content): the response
  // is the one that thought it.
  const thought = thinkingText(sent) || (sent.reasoning === undefined || sent.reasoning === null ? (sent.texts[0]?.text ?? '').trim() : '')
  return { sent, text, thought, keys: {} }
}

function matchTurn(facts: SentFacts, i: number, source: CandidateSource, ctx: EvidenceContext): TurnEvidence | null {
  const { sent, text, thought, keys } = facts
  const ids = sent.calls.map((c) => c.id).filter((id) => id !== '')
  const older = (c: Candidate): boolean => ctx.seq === null || c.seq < ctx.seq
  const same = (c: Candidate): boolean => ctx.conversationId !== null && c.conversationId === ctx.conversationId
  const ranked = (list: readonly Candidate[]): Candidate[] => list.filter(older).sort((a, b) => Number(same(b)) - Number(same(a)) || b.seq - a.seq)

  if (ids.length > 0) {
    const hits = ranked(source.byCall(ids[0])).filter((c) => ids.every((id) => c.facts.calls.includes(id)))
    const hit = first(hits, (c, turn) => same(c) || sameCalls(sent, turn))
    if (hit) return evidence(i, sent, hit, 'tool-ids', ctx)
  }
  const key = keys.text === undefined ? (keys.text = textKey(text)) : keys.text
  if (key) {
    const hit = first(ranked(source.byText(key)), (c, turn) => (same(c) || text.length >= MIN_STORE_TEXT) && callsAgree(sent, turn))
    if (hit) return evidence(i, sent, hit, 'text', ctx)
  }
  const thoughtKey = keys.thought === undefined ? (keys.thought = textKey(thought)) : keys.thought
  if (thoughtKey) {
    const hit = first(ranked(source.byThinking(thoughtKey)), (c, turn) => (same(c) || thought.length >= MIN_STORE_TEXT) && callsAgree(sent, turn))
    if (hit) return evidence(i, sent, hit, 'text', ctx)
  }
  if (ctx.conversationId !== null) {
    const placed = ranked(source.inConversation(ctx.conversationId)).filter((c) => c.messages === i)
    const hit = first(placed, (_c, turn) => samePlaceTurn(sent, turn))
    if (hit) return evidence(i, sent, hit, 'order', ctx)
  }
  return null
}

interface Hit {
  candidate: Candidate
  reply: ReassembledMessage
  turn: Turn
}

function first(list: readonly Candidate[], accept: (c: Candidate, turn: Turn) => boolean): Hit | null {
  for (const candidate of list) {
    const reply = candidate.reply()
    if (!reply) continue
    const turn = recordedTurn(reply)
    if (accept(candidate, turn)) return { candidate, reply, turn }
  }
  return null
}

/** Across conversations an id is not enough (some providers number calls `call_0`): names and inputs agree too. */
function sameCalls(sent: Turn, recorded: Turn): boolean {
  return sent.calls.every((s) => recorded.calls.some((r) => r.id === s.id && r.name === s.name && r.input === s.input))
}

/** A text match with tool calls: the same inputs in the same order (ids and names may have been rewritten). */
function callsAgree(sent: Turn, recorded: Turn): boolean {
  return sent.calls.length === recorded.calls.length && sent.calls.every((s, k) => s.input === recorded.calls[k].input)
}

/** The response to the request before, by place: only when the turn is recognisably the same one. */
function samePlaceTurn(sent: Turn, recorded: Turn): boolean {
  if (sent.calls.length > 0) return callsAgree(sent, recorded)
  const text = joinedText(sent)
  return text !== '' && text === joinedText(recorded)
}

function evidence(i: number, sent: Turn, hit: Hit, matchedBy: EvidenceRef['matchedBy'], ctx: EvidenceContext): TurnEvidence {
  const c = hit.candidate
  const position = ctx.conversation ? ctx.conversation.indexOf(c.exchangeId) : -1
  return {
    messageIndex: i,
    ref: {
      exchangeId: c.exchangeId,
      seq: c.seq,
      n: position >= 0 ? position + 1 : null,
      sameConversation: ctx.conversationId !== null && c.conversationId === ctx.conversationId,
      matchedBy
    },
    reply: hit.reply,
    recorded: hit.turn,
    changes: classify(sent, hit.turn, matchedBy === 'tool-ids')
  }
}
