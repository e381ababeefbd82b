// Parsing the editor's text and reaching the message or block an op names, with errors a person reads.
import { isRecord, safeParse, type JsonRecord } from '../../protocols/json'
import { EditError } from './edit-error'

export function parseBody(text: string): JsonRecord {
  const parsed = safeParse(text)
  if (!parsed.ok) throw new EditError(`the body is not valid JSON: ${parsed.error}`)
  if (!isRecord(parsed.value)) throw new EditError('the body is not a JSON object')
  return parsed.value
}

export const pretty = (body: unknown): string => JSON.stringify(body, null, 2)

export const at = (i: number): string => `messages[${i}]`

/**
 * Ops arrive over IPC unchecked: an index must be a whole number inside [0, length). `path` names the
 * place, e.g. (k) => `messages[1].content[${k}]`; `unit` counts what is there.
 */
export function checkIndex(index: unknown, length: number, path: (k: string) => string, unit: string): number {
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) throw new EditError(`${path(String(index))} is not a valid index`)
  if (index >= length) throw new EditError(`${path(String(index))} is out of range (${length} ${unit}${length === 1 ? '' : 's'})`)
  return index
}

export function messagesOf(body: JsonRecord): unknown[] {
  if (!Array.isArray(body.messages)) throw new EditError('the body has no messages array')
  return body.messages
}

export function messageAt(body: JsonRecord, index: unknown): { message: JsonRecord; i: number } {
  const messages = messagesOf(body)
  const i = checkIndex(index, messages.length, (k) => `messages[${k}]`, 'message')
  const message = messages[i]
  if (!isRecord(message)) throw new EditError(`${at(i)} is not an object`)
  return { message, i }
}

export function typeOf(block: unknown): string {
  return isRecord(block) && typeof block.type === 'string' ? block.type : typeof block
}
