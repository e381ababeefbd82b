// set-text: replaces the text the timeline shows for one block. Mapping:
//   Anthropic (block indexes `content`; a string content is block 0):
//     text → `text`; thinking → `thinking` (the signature stays, and no longer matches on Anthropic);
//     tool_result → `content`, as a string; a string content → the string itself.
//   OpenAI (block is the timeline index: reasoning_content, content or its parts, tool_calls):
//     reasoning → `reasoning_content`; string content → `content`; a text part → its `text`;
//     a tool message's block 0 → `content`.
// Tool calls, images and redacted thinking have no text to set: edit those in the JSON.
import { isRecord, type JsonRecord } from '../../protocols/json'
import { at, checkIndex, messageAt, typeOf } from './body'
import { EditError } from './edit-error'
import { openaiSlots } from './openai-slots'

export function setText(protocol: 'anthropic' | 'openai', body: JsonRecord, index: number, block: number, text: string): string[] {
  if (typeof text !== 'string') throw new EditError('set-text needs a string')
  const { message, i } = messageAt(body, index)
  return protocol === 'openai' ? setOpenai(message, i, block, text) : setAnthropic(message, i, block, text)
}

function setAnthropic(message: JsonRecord, i: number, block: number, text: string): string[] {
  if (typeof message.content === 'string') {
    checkIndex(block, 1, (k) => `${at(i)}.content[${k}]`, 'block')
    message.content = text
    return [`${at(i)}: content text changed`]
  }
  if (!Array.isArray(message.content)) throw new EditError(`${at(i)} has no content blocks`)
  const b = checkIndex(block, message.content.length, (k) => `${at(i)}.content[${k}]`, 'block')
  const target = message.content[b]
  if (!isRecord(target)) throw new EditError(`${at(i)}.content[${b}] is not an object`)
  switch (target.type) {
    case 'text':
      target.text = text
      return [`${at(i)}: text of block ${b} changed`]
    case 'thinking': {
      target.thinking = text
      const signed = typeof target.signature === 'string' && target.signature !== ''
      return [`${at(i)}: thinking text of block ${b} changed${signed ? ' (its signature no longer matches it)' : ''}`]
    }
    case 'tool_result':
      target.content = text
      return [`${at(i)}: tool_result content of block ${b} set as a string`]
    default:
      throw new EditError(`${at(i)}.content[${b}] is a ${typeOf(target)} block, which has no text to set here`)
  }
}

function setOpenai(message: JsonRecord, i: number, block: number, text: string): string[] {
  const slots = openaiSlots(message)
  const slot = slots[checkIndex(block, slots.length, (k) => `timeline block ${k} of ${at(i)}`, 'timeline block')]
  switch (slot.kind) {
    case 'reasoning':
      message.reasoning_content = text
      return [`${at(i)}: reasoning_content changed`]
    case 'content':
      message.content = text
      return [`${at(i)}: content changed`]
    case 'part': {
      const parts = message.content as unknown[]
      const part = parts[slot.index]
      if (isRecord(part)) part.text = text
      else parts[slot.index] = text
      return [`${at(i)}: text of content[${slot.index}] changed`]
    }
    case 'call':
      throw new EditError(`block ${block} of ${at(i)} is tool_calls[${slot.index}]; edit its arguments in the JSON`)
    default:
      throw new EditError(`block ${block} of ${at(i)} has no text to set`)
  }
}
