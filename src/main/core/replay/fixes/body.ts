// Reading and changing a request body the way the fixes need: raw JSON, so a key absent stays absent and
// nothing is reordered unless a fix means to.
import { isRecord, safeParse, str, type JsonRecord } from '../../protocols/json'
import { FixError } from './fix-error'

export function parseBody(text: string): JsonRecord {
  const parsed = safeParse(text)
  if (!parsed.ok) throw new FixError(`the body is not valid JSON: ${parsed.error}`)
  if (!isRecord(parsed.value)) throw new FixError('the body is not a JSON object')
  return parsed.value
}

export const pretty = (body: unknown): string => JSON.stringify(body, null, 2)

export const at = (i: number): string => `messages[${i}]`

/** The `messages` array itself (so fixes can edit it), [] when absent. */
export function messagesOf(body: JsonRecord): unknown[] {
  return Array.isArray(body.messages) ? body.messages : []
}

/** Anthropic content blocks, or null when content is a string or missing. */
export function blocksOf(message: JsonRecord): unknown[] | null {
  return Array.isArray(message.content) ? message.content : null
}

export function isThinkingBlock(block: unknown): block is JsonRecord {
  return isRecord(block) && (block.type === 'thinking' || block.type === 'redacted_thinking')
}

export function isTextBlock(block: unknown): block is JsonRecord {
  return isRecord(block) && block.type === 'text'
}

export const isBlank = (text: unknown): boolean => typeof text !== 'string' || text.trim() === ''

export function isAssistant(message: unknown): message is JsonRecord {
  return isRecord(message) && message.role === 'assistant'
}

/** Ids of an Anthropic message's tool_use blocks, in order. */
export function toolUseIds(message: JsonRecord): string[] {
  return (blocksOf(message) ?? []).flatMap((b) => (isRecord(b) && b.type === 'tool_use' ? [str(b.id) ?? ''] : []))
}

/** Ids of an OpenAI message's tool_calls, in order. */
export function toolCallIds(message: JsonRecord): string[] {
  const calls = Array.isArray(message.tool_calls) ? message.tool_calls : []
  return calls.map((c) => (isRecord(c) ? (str(c.id) ?? '') : ''))
}

/** Anthropic assistant turn with tool_use and no thinking: the shape R02 flags. */
export function lacksThinking(message: unknown): message is JsonRecord {
  if (!isAssistant(message)) return false
  const blocks = blocksOf(message)
  return blocks !== null && toolUseIds(message).length > 0 && !blocks.some(isThinkingBlock)
}

/** OpenAI assistant tool-call turn whose reasoning_content is missing, null or blank (R02). */
export function lacksReasoning(message: unknown): message is JsonRecord {
  return isAssistant(message) && toolCallIds(message).length > 0 && isBlank(message.reasoning_content)
}

/**
 * Sets `key`; a new key goes just before `before` when that key exists (so `reasoning_content` lands beside
 * `tool_calls` as agents send it), else at the end. Existing keys keep their place.
 */
export function setKey(obj: JsonRecord, key: string, value: unknown, before?: string): void {
  if (key in obj || before === undefined || !(before in obj)) {
    obj[key] = value
    return
  }
  const entries = Object.entries(obj)
  for (const k of Object.keys(obj)) delete obj[k]
  for (const [k, v] of entries) {
    if (k === before) obj[key] = value
    obj[k] = v
  }
}

/** A short quote for change lines. */
export function quote(text: string, max = 48): string {
  const one = text.replace(/\s+/g, ' ').trim()
  return JSON.stringify(one.length > max ? `${one.slice(0, max - 1)}…` : one)
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** Removes messages by their original indices (highest first, so the others keep theirs meanwhile). */
export function removeMessages(body: JsonRecord, indices: Iterable<number>): void {
  const messages = messagesOf(body)
  for (const i of [...new Set(indices)].sort((a, b) => b - a)) messages.splice(i, 1)
}

/**
 * Strips the thinking blocks `which` selects (block indices) from an Anthropic message; says what went.
 * Returns whether the message is left without content, for the caller to drop it (an empty message is R23).
 */
export function stripThinking(message: JsonRecord, i: number, which: (b: number) => boolean, changes: string[]): boolean {
  const blocks = blocksOf(message)
  if (!blocks) return false
  const kept = blocks.filter((block, b) => {
    if (!isThinkingBlock(block) || !which(b)) return true
    changes.push(`${at(i)}: ${String(block.type)} block ${b} removed`)
    return false
  })
  if (kept.length === blocks.length) return false
  message.content = kept
  if (kept.length > 0) return false
  changes.push(`${at(i)}: message removed, it held only thinking`)
  return true
}
