// delete-block. Anthropic: `block` indexes `content` (a string content is its one text block). OpenAI:
// `block` indexes `tool_calls`, since the timeline's mixed order (reasoning, text, calls) would make
// indices shift with the message's shape; deleting the last call removes the `tool_calls` key.
import { isRecord, str, type JsonRecord } from '../../protocols/json'
import { at, checkIndex, messageAt, typeOf } from './body'
import { EditError } from './edit-error'

export function deleteBlock(protocol: 'anthropic' | 'openai', body: JsonRecord, index: number, block: number): string[] {
  const { message, i } = messageAt(body, index)
  if (protocol === 'openai') return deleteCall(message, i, block)
  if (typeof message.content === 'string') {
    checkIndex(block, 1, (k) => `${at(i)}.content[${k}]`, 'block')
    message.content = []
    return [`${at(i)}: text block 0 deleted (the message's string content)`]
  }
  if (!Array.isArray(message.content)) throw new EditError(`${at(i)} has no content blocks`)
  const b = checkIndex(block, message.content.length, (k) => `${at(i)}.content[${k}]`, 'block')
  const [gone] = message.content.splice(b, 1)
  return [`${at(i)}: ${typeOf(gone)} block ${b} deleted`]
}

function deleteCall(message: JsonRecord, i: number, block: number): string[] {
  const calls = message.tool_calls
  if (!Array.isArray(calls) || calls.length === 0) throw new EditError(`${at(i)} has no tool_calls (OpenAI delete-block indexes tool_calls)`)
  const b = checkIndex(block, calls.length, (k) => `${at(i)}.tool_calls[${k}]`, 'tool call')
  const [gone] = calls.splice(b, 1)
  const fn = isRecord(gone) && isRecord(gone.function) ? gone.function : {}
  const changes = [`${at(i)}: tool_calls[${b}] (${str(fn.name) ?? '?'}, ${(isRecord(gone) && str(gone.id)) || 'no id'}) deleted`]
  if (calls.length === 0) {
    delete message.tool_calls
    changes.push(`${at(i)}: tool_calls removed, it was the last call`)
  }
  return changes
}
