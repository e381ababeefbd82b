// The blocks the timeline shows for an OpenAI message, in its order (request-view.ts): reasoning_content,
// then content (a string, or one block per part), then tool_calls; a tool message is one tool_result. So a
// timeline block index maps back to the field it came from.
import { isRecord, type JsonRecord } from '../../protocols/json'

export type Slot =
  | { kind: 'reasoning' }
  | { kind: 'content' }
  | { kind: 'part'; index: number }
  | { kind: 'call'; index: number }
  | { kind: 'other' }

export function openaiSlots(message: JsonRecord): Slot[] {
  if (message.role === 'tool') return [{ kind: 'content' }]
  const slots: Slot[] = []
  if (typeof message.reasoning_content === 'string') slots.push({ kind: 'reasoning' })
  const content = message.content
  if (typeof content === 'string') slots.push({ kind: 'content' })
  else if (Array.isArray(content)) content.forEach((part, index) => slots.push(isTextPart(part) ? { kind: 'part', index } : { kind: 'other' }))
  else if (content !== undefined && content !== null) slots.push({ kind: 'other' })
  if (Array.isArray(message.tool_calls)) message.tool_calls.forEach((_, index) => slots.push({ kind: 'call', index }))
  return slots
}

export function isTextPart(part: unknown): boolean {
  return typeof part === 'string' || (isRecord(part) && part.type === 'text')
}
