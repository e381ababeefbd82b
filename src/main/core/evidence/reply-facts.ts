// What the evidence index keeps of each recorded response, written into its record at record time (so the
// index is rebuilt from the exchange log in milliseconds after a restart, without decoding a response):
// the tool call ids it returned and short hashes of its text and of its thinking, by which a later request's
// assistant message finds the response that produced it.
import type { ReassembledMessage } from '../../../shared/types'
import { shortHash } from '../conversations/group-key'
import { joinedText, recordedTurn, thinkingText, type Turn } from './turn'

export interface ReplyFacts {
  /** Tool call ids, in order. */
  calls: string[]
  /** Hash of the trimmed text blocks joined by newlines; null when the response has no text. */
  text: string | null
  /** Hash of its thinking (Anthropic thinking blocks, OpenAI reasoning_content); null when none. */
  thinking: string | null
}

export function textKey(text: string): string | null {
  const t = text.trim()
  return t === '' ? null : shortHash(t)
}

export function factsOfTurn(turn: Turn): ReplyFacts {
  return { calls: turn.calls.map((c) => c.id).filter((id) => id !== ''), text: textKey(joinedText(turn)), thinking: textKey(thinkingText(turn)) }
}

/** Facts of a response that can serve as evidence: a complete assistant message without an error. */
export function replyFacts(reply: ReassembledMessage | null): ReplyFacts | null {
  if (!reply || reply.error || reply.incomplete || reply.blocks.length === 0) return null
  return factsOfTurn(recordedTurn(reply))
}
