// Reading a conversation history the way the rules need it: tool-call turns, the final tool-use turn,
// and whether a text block is really converted thinking.
import type { TimelineBlock, TimelineMessage } from '../../../shared/types'
import type { RuleContext } from './context'

export function isThinking(block: TimelineBlock): boolean {
  return block.type === 'thinking' || block.type === 'redacted_thinking'
}

export function hasToolUse(message: TimelineMessage): boolean {
  return message.blocks.some((b) => b.type === 'tool_use' || b.type === 'tool_call')
}

export function hasThinking(message: TimelineMessage): boolean {
  return message.blocks.some(isThinking)
}

/**
 * The assistant message Anthropic calls "final": the last assistant message while the tool loop is still
 * open (it is the last message, or only user messages carrying tool results follow it). A new user text turn
 * closes the loop, and the thinking rules (R01, R09) no longer apply to it. -1 when there is none.
 */
export function finalAssistantIndex(ctx: RuleContext): number {
  const messages = ctx.view.messages
  let last = -1
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i].role === 'assistant') {
      last = i
      break
    }
  }
  if (last === -1) return -1
  for (let i = last + 1; i < messages.length; i++) {
    const m = messages[i]
    if (m.role !== 'user' || m.blocks.length === 0 || m.blocks[0].type !== 'tool_result') return -1
  }
  return last
}

/**
 * A text block that reads like reasoning: how pi-ai (Craft Agents, OpenClaw) replays thinking it holds no
 * signature for, or hermes' "(thinking elided)" stand-in (docs/wire-formats.md §4.1, §4.2). First-person planning
 * openers in English and Chinese; a heuristic, so messages say "reads like".
 */
const REASONING_OPENERS =
  /^\s*(\(thinking elided\)|the user\b|user (wants|asks|is asking|requested)|i (need|should|will|must|want|can|have to|think|'ll|'m going to|am going to)\b|let me\b|let's\b|okay\b|ok[,.]|alright\b|hmm\b|first[,]|now[, ]+i\b|so[, ]+(i|the)\b|we need\b|the task\b|thinking\b|plan:|step \d|用户|我需要|我应该|我要|让我|首先|好的|现在|接下来|嗯)/i

export function readsLikeReasoning(text: string): boolean {
  return REASONING_OPENERS.test(text.slice(0, 200))
}

/** Block 0 is text that reads like reasoning, followed later by a tool call: thinking turned into text. */
export function thinkingTurnedToText(message: TimelineMessage): boolean {
  const first = message.blocks[0]
  return first !== undefined && first.type === 'text' && readsLikeReasoning(first.text) && hasToolUse(message)
}
