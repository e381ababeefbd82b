// Copies of one message of a request (the timeline's context menu): its JSON as sent, or its text content.
import { ApiArgError } from '../../../shared/api'

export function requestMessage(bodyText: string | null, index: number): unknown {
  let body: unknown
  try {
    body = bodyText === null ? null : JSON.parse(bodyText)
  } catch {
    body = null
  }
  const messages = (body as { messages?: unknown } | null)?.messages
  if (!Array.isArray(messages)) throw new ApiArgError('the request body has no messages array')
  if (index >= messages.length) throw new ApiArgError(`the request has ${messages.length} messages; there is no message ${index}`)
  return messages[index]
}

/** Everything a person reads in a message: text, thinking, reasoning, tool results; tool calls as name(input). */
export function messageText(message: unknown): string {
  const m = message as { content?: unknown; reasoning_content?: unknown; tool_calls?: unknown }
  const parts: string[] = []
  if (typeof m.reasoning_content === 'string' && m.reasoning_content) parts.push(m.reasoning_content)
  if (typeof m.content === 'string') parts.push(m.content)
  else if (Array.isArray(m.content)) for (const block of m.content) parts.push(...blockText(block))
  if (Array.isArray(m.tool_calls)) {
    for (const call of m.tool_calls as Array<{ function?: { name?: unknown; arguments?: unknown } }>) parts.push(`${String(call.function?.name ?? '')}(${String(call.function?.arguments ?? '')})`)
  }
  return parts.filter((p) => p !== '').join('\n\n')
}

function blockText(block: unknown): string[] {
  const b = block as Record<string, unknown>
  if (typeof b?.text === 'string') return [b.text]
  if (typeof b?.thinking === 'string') return [b.thinking]
  if (b?.type === 'tool_use') return [`${String(b.name)}(${JSON.stringify(b.input ?? {})})`]
  if (b?.type === 'tool_result') return typeof b.content === 'string' ? [b.content] : Array.isArray(b.content) ? b.content.flatMap(blockText) : []
  return []
}
