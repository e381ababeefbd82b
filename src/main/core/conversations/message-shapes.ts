// Reading history messages of either protocol without trusting their shape: bodies come from the wire.
import { isRecord, type JsonRecord } from '../protocols/json'

export { isRecord, type JsonRecord }

/** Roles that carry a system prompt: part of the seed when they lead the history, skipped elsewhere. */
export function isSystemRole(role: unknown): boolean {
  return role === 'system' || role === 'developer'
}

/** The blocks of `content`: a plain string counts as one text block; anything else as no blocks. */
export function contentBlocks(content: unknown): JsonRecord[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }]
  if (!Array.isArray(content)) return []
  return content.filter(isRecord)
}

/** Text of a text block in either protocol (`text`, OpenAI `input_text`/`output_text` parts). */
export function blockText(block: JsonRecord): string | null {
  const type = block.type
  if ((type === 'text' || type === 'input_text' || type === 'output_text') && typeof block.text === 'string') return block.text
  return null
}

/** All text of a content value (string, text blocks, or a tool_result's nested content), joined by newlines. */
export function plainText(content: unknown): string {
  if (typeof content === 'string') return content
  const texts: string[] = []
  for (const block of contentBlocks(content)) {
    const text = blockText(block)
    if (text !== null) texts.push(text)
  }
  return texts.join('\n')
}

export interface ToolCallRef {
  id: string
  name: string
}

/**
 * Tool calls of an assistant message: Anthropic `tool_use` (and server/MCP tool uses) in `content`, OpenAI
 * `tool_calls[]` and the legacy `function_call` (which has a name but no id).
 */
export function toolCallsOf(message: JsonRecord): ToolCallRef[] {
  const calls: ToolCallRef[] = []
  if (Array.isArray(message.content)) {
    for (const block of message.content) {
      if (!isRecord(block)) continue
      if (block.type === 'tool_use' || block.type === 'server_tool_use' || block.type === 'mcp_tool_use') {
        calls.push({ id: stringOr(block.id, ''), name: stringOr(block.name, '') })
      }
    }
  }
  if (Array.isArray(message.tool_calls)) {
    for (const call of message.tool_calls) {
      if (!isRecord(call)) continue
      const fn = isRecord(call.function) ? call.function : {}
      calls.push({ id: stringOr(call.id, ''), name: stringOr(fn.name, '') })
    }
  }
  if (isRecord(message.function_call)) calls.push({ id: '', name: stringOr(message.function_call.name, '') })
  return calls
}

export function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback
}

/** Anthropic top-level `system`: a string or text blocks. */
export function systemParamText(system: unknown): string {
  return plainText(system)
}
