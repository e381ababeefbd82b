// Finding the recorded response a history message replays. Tool call ids are unique per response, so a
// response holding every id of the message is the one; the newest wins if a client retried.
import type { MessageBlock, ReassembledMessage } from '../../../../shared/types'

export function replyForCalls(replies: readonly ReassembledMessage[], ids: readonly string[]): ReassembledMessage | null {
  const wanted = ids.filter((id) => id !== '')
  if (wanted.length === 0) return null
  for (let r = replies.length - 1; r >= 0; r--) {
    const have = new Set(replies[r].blocks.flatMap((b) => (b.type === 'tool_use' || b.type === 'tool_call' ? [b.id] : [])))
    if (wanted.every((id) => have.has(id))) return replies[r]
  }
  return null
}

export type RecordedThinking = Extract<MessageBlock, { type: 'thinking' | 'redacted_thinking' }>

export function recordedThinking(reply: ReassembledMessage): RecordedThinking[] {
  return reply.blocks.filter((b): b is RecordedThinking => b.type === 'thinking' || b.type === 'redacted_thinking')
}

/** OpenAI reasoning of a reply; '' when it streamed none. */
export function recordedReasoning(reply: ReassembledMessage): string {
  return reply.blocks.flatMap((b) => (b.type === 'reasoning' ? [b.text] : [])).join('')
}

/** The wire block for a recorded one. MiMo sends no signature, and wants `""` back (R04, docs/wire-formats.md §4.1). */
export function wireThinking(block: RecordedThinking): Record<string, unknown> {
  if (block.type === 'redacted_thinking') return { type: 'redacted_thinking', data: block.data }
  return { type: 'thinking', thinking: block.thinking, signature: block.signature ?? '' }
}
