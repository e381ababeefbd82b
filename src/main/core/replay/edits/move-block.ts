// move-block: takes the block out at `from` and puts it at `to` (an index in the resulting list).
// Anthropic: `content`; OpenAI: `tool_calls`, as delete-block. from === to is a no-op with no changes.
import type { JsonRecord } from '../../protocols/json'
import { at, checkIndex, messageAt, typeOf } from './body'
import { EditError } from './edit-error'

export function moveBlock(protocol: 'anthropic' | 'openai', body: JsonRecord, index: number, from: number, to: number): string[] {
  const { message, i } = messageAt(body, index)
  const key = protocol === 'openai' ? 'tool_calls' : 'content'
  const list = message[key]
  if (protocol === 'anthropic' && typeof list === 'string') {
    // A string content is a single block: only 0 → 0 makes sense.
    checkIndex(from, 1, (k) => `${at(i)}.content[${k}]`, 'block')
    checkIndex(to, 1, (k) => `target ${at(i)}.content[${k}]`, 'block')
    return []
  }
  if (!Array.isArray(list)) throw new EditError(`${at(i)} has no ${key} array`)
  const unit = protocol === 'openai' ? 'tool call' : 'block'
  const f = checkIndex(from, list.length, (k) => `${at(i)}.${key}[${k}]`, unit)
  const t = checkIndex(to, list.length, (k) => `target ${at(i)}.${key}[${k}]`, unit)
  if (f === t) return []
  const [moved] = list.splice(f, 1)
  list.splice(t, 0, moved)
  const what = protocol === 'openai' ? 'tool call' : `${typeOf(moved)} block`
  return [`${at(i)}: ${what} moved from ${key}[${f}] to ${key}[${t}]`]
}
