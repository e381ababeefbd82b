// restore-thinking (Anthropic): put back the thinking the client lost, exactly as the endpoint returned it.
// MiMo checks every tool-call turn (R02), so every assistant tool turn is repaired, not only the finding's;
// a turn whose thinking differs from the recording (R07) gets the recorded blocks too. A text block equal
// to the recorded thinking is pi-ai's thinking→text conversion (docs/wire-formats.md §4.1) and goes.
import type { ReassembledMessage } from '../../../../shared/types'
import { str, type JsonRecord } from '../../protocols/json'
import { at, blocksOf, isAssistant, isTextBlock, isThinkingBlock, messagesOf, plural, toolUseIds } from './body'
import { FixError } from './fix-error'
import { recordedThinking, replyForCalls, wireThinking, type RecordedThinking } from './replies'
import type { Fix, FixContext } from './types'

export const restoreThinking: Fix = {
  protocols: ['anthropic'],
  apply(body, ctx) {
    const changes: string[] = []
    const unrecorded: string[] = []
    messagesOf(body).forEach((message, i) => {
      if (!isAssistant(message) || blocksOf(message) === null) return
      const ids = toolUseIds(message)
      const reply = ids.length > 0 ? replyForCalls(ctx.replies, ids) : textReply(message, i, ctx)
      const recorded = reply ? recordedThinking(reply) : []
      const current = (blocksOf(message) ?? []).filter(isThinkingBlock)
      if (recorded.length === 0) {
        if (ids.length > 0 && current.length === 0) unrecorded.push(`${at(i)} (tool_use ${ids.join(', ')})`)
        return
      }
      if (current.length > 0 && sameThinking(current, recorded)) return
      changes.push(...restore(message, i, recorded, current.length > 0))
    })
    if (changes.length === 0) {
      throw new FixError(
        unrecorded.length > 0
          ? `no recorded response holds the thinking of ${unrecorded.join(', ')}`
          : 'no assistant turn is missing its thinking or differs from the recorded response'
      )
    }
    for (const where of unrecorded) changes.push(`${where}: left as is, no recorded response holds its thinking`)
    return changes
  }
}

/** A turn without tool calls is only matched (by its text, as R07 does) when the finding points at it. */
function textReply(message: JsonRecord, i: number, ctx: FixContext): ReassembledMessage | null {
  if (ctx.finding?.messageIndex !== i) return null
  const text = textOf(blocksOf(message) ?? [])
  if (text === '') return null
  for (let r = ctx.replies.length - 1; r >= 0; r--) {
    const reply = ctx.replies[r]
    if (reply.blocks.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('\n') === text) return reply
  }
  return null
}

function textOf(blocks: readonly unknown[]): string {
  return blocks.flatMap((b) => (isTextBlock(b) ? [str(b.text) ?? ''] : [])).join('\n')
}

function sameThinking(current: readonly JsonRecord[], recorded: readonly RecordedThinking[]): boolean {
  if (current.length !== recorded.length) return false
  return recorded.every((r, k) => {
    const c = current[k]
    if (r.type === 'redacted_thinking') return c.type === 'redacted_thinking' && c.data === r.data
    // A missing signature counts as the empty one MiMo's replies carry; add-empty-signature handles the key.
    return c.type === 'thinking' && c.thinking === r.thinking && (str(c.signature) ?? '') === (r.signature ?? '')
  })
}

/** Recorded blocks first, then the message without its old thinking and without text copies of it. */
function restore(message: JsonRecord, i: number, recorded: readonly RecordedThinking[], replacing: boolean): string[] {
  const blocks = blocksOf(message) ?? []
  const texts = new Set(recorded.flatMap((r) => (r.type === 'thinking' && r.thinking.trim() !== '' ? [r.thinking.trim()] : [])))
  const changes: string[] = []
  const kept: unknown[] = []
  blocks.forEach((block, b) => {
    if (isThinkingBlock(block)) return
    if (isTextBlock(block) && typeof block.text === 'string' && texts.has(block.text.trim())) {
      changes.push(`${at(i)}: text block ${b} removed (a copy of the recorded thinking)`)
      return
    }
    kept.push(block)
  })
  const old = blocks.filter(isThinkingBlock).length
  message.content = [...recorded.map(wireThinking), ...kept]
  if (replacing) return [`${at(i)}: ${plural(old, 'thinking block')} replaced by the ${recorded.length} recorded (text or signature differed)`, ...changes]
  const lines = recorded.map((r) =>
    r.type === 'redacted_thinking'
      ? `${at(i)}: redacted_thinking block restored from the recorded response`
      : `${at(i)}: thinking block restored from the recorded response (signature ${r.signature ? 'as recorded' : '""'})`
  )
  return [...lines, ...changes]
}
