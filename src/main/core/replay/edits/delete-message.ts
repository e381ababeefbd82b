// delete-message: `message` counts as the API does (OpenAI: system messages included).
import { str, type JsonRecord } from '../../protocols/json'
import { at, messageAt, messagesOf } from './body'

export function deleteMessage(body: JsonRecord, index: number): string[] {
  const { message, i } = messageAt(body, index)
  messagesOf(body).splice(i, 1)
  return [`${at(i)}: ${str(message.role) ?? 'untyped'} message deleted`]
}
