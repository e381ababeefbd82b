// The identity of one history message: the parts of it an agent sends the same way every time it replays it.
//
// Agents rewrite their own earlier turns when they replay a history (docs/wire-formats.md §4):
// thinking becomes a text block (pi-ai in Craft Agents, OpenCode without empty-signature support) or a
// "(thinking elided)" placeholder (Hermes), signatures are dropped or emptied, thinking is stripped from older
// turns only (Claude Code context management), `reasoning_content` is dropped (stock OpenAI SDK paths),
// cache_control moves to the newest message on every request, and old tool results are replaced by
// "[Old tool result content cleared]" (Claude Code and Qwen Code microcompact, OpenCode and OpenClaw pruning).
// What they keep is what the model and the tools said that matters for the next step:
//
// - user / tool messages: their text (trimmed; empty text dropped) and the ids of their tool results. The
//   result TEXT is left out on purpose: ids are unique per call, so they already separate histories, and
//   result text is what microcompaction rewrites. A result without an id falls back to its text.
// - assistant messages with tool calls: only the ids and names of the calls (`tool_use`, `server_tool_use`,
//   OpenAI `tool_calls`). Their text is left out because that is exactly where converted thinking lands.
// - assistant messages without tool calls (a final answer): the LAST non-empty text block, with a leading
//   <think>…</think> section cut off. Thinking always comes before the answer, so a thinking block turned into
//   a text block (or a placeholder) becomes an earlier text block and the last one is still the answer.
// - thinking, redacted_thinking, signatures, reasoning_content, cache_control, images, documents: never.
//   Images are left out because several agents drop or replace media in older turns.
// - system/developer messages: not part of the chain (null). Leading ones belong to the seed; later ones
//   are reminders some agents insert into one request only (Claude Code sends system messages mid-history).
//
// Known limits: an answer that was thinking only (no text, no tool call) and is replayed as a text block
// changes its skeleton; so does an agent that merges an answer's text blocks into one string together with
// converted thinking, or that merges consecutive messages; and two histories that differ only in tool inputs
// or tool result text (with the same ids) share a skeleton.
import { blockText, contentBlocks, isRecord, isSystemRole, plainText, toolCallsOf, type JsonRecord } from './message-shapes'

/** A string that is equal for two replays of the same message; null for messages outside the chain. */
export function messageSkeleton(message: unknown): string | null {
  if (!isRecord(message)) return part('?') + part(typeof message)
  const role = message.role
  if (isSystemRole(role)) return null
  if (role === 'assistant') return assistantSkeleton(message)
  return userSideSkeleton(message)
}

/** Length-prefixed so that no two different part lists give the same string. */
function part(text: string): string {
  return text.length + ':' + text
}

function assistantSkeleton(message: JsonRecord): string {
  const calls = toolCallsOf(message)
  if (calls.length > 0) {
    let out = part('assistant') + part('calls')
    for (const call of calls) out += part(call.id) + part(call.name)
    return out
  }
  return part('assistant') + part('answer') + part(finalAnswerText(message.content))
}

/** The last non-empty text block, without a leading <think>…</think> section. */
export function finalAnswerText(content: unknown): string {
  const blocks = contentBlocks(content)
  for (let i = blocks.length - 1; i >= 0; i--) {
    const text = blockText(blocks[i])
    if (text === null) continue
    const answer = withoutLeadingThink(text).trim()
    if (answer !== '') return answer
  }
  return ''
}

const LEADING_THINK = /^\s*<(think|thinking|reasoning)>[\s\S]*?<\/\1>/

function withoutLeadingThink(text: string): string {
  const open = text.trimStart()
  if (!open.startsWith('<')) return text
  const match = LEADING_THINK.exec(text)
  return match ? text.slice(match[0].length) : text
}

function userSideSkeleton(message: JsonRecord): string {
  const role = typeof message.role === 'string' ? message.role : '?'
  let out = part(role)
  // OpenAI tool result message.
  if (typeof message.tool_call_id === 'string' && message.tool_call_id !== '') return out + part('result') + part(message.tool_call_id)
  if (role === 'function' && typeof message.name === 'string') out += part('function') + part(message.name)
  for (const block of contentBlocks(message.content)) {
    if (block.type === 'tool_result') {
      const id = typeof block.tool_use_id === 'string' ? block.tool_use_id : ''
      out += part('result') + part(id)
      if (id === '') out += part(plainText(block.content).trim())
      continue
    }
    const text = blockText(block)
    if (text === null) continue
    const trimmed = text.trim()
    if (trimmed !== '') out += part('text') + part(trimmed)
  }
  return out
}
