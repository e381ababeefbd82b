import type { ReassembledMessage, SseEventView } from '../../../shared/types'
import { Problems, isRecord, safeParse, type JsonRecord } from './json'

/** What a stream reassembler returns: the message, plus what did not fit (never thrown). */
export interface Reassembly {
  message: ReassembledMessage
  problems: string[]
}

/**
 * An event's data as a JSON object, or null after noting why not. An `event: error` whose data is plain
 * text still says the stream failed, so it sets the message's error.
 */
export function eventObject(event: SseEventView, where: string, message: ReassembledMessage, problems: Problems): JsonRecord | null {
  const parsed = safeParse(event.data)
  if (!parsed.ok) {
    if (event.event === 'error') message.error = { type: null, message: event.data }
    problems.add(`${where}: invalid JSON: ${parsed.error}`)
    return null
  }
  if (!isRecord(parsed.value)) {
    problems.add(`${where}: data is not a JSON object`)
    return null
  }
  return parsed.value
}
