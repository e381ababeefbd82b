// Cheap facts about a request: which protocol its path speaks, its model and whether it streams.
import type { Protocol, ReassembledMessage, TokenUsage } from '../../../shared/types'
import { isRecord, safeParse } from './json'

/** Protocol from the request path; the query and fragment are ignored, any path prefix is allowed. */
export function detectProtocol(path: string): Protocol {
  const bare = path.split(/[?#]/, 1)[0] ?? ''
  if (bare.includes('/v1/messages')) return 'anthropic'
  if (bare.includes('/chat/completions')) return 'openai'
  return 'unknown'
}

/** `model` and `stream` of a request body. JSON.parse is native and fast enough even for multi-MB bodies. */
export function requestMeta(bodyText: string): { model: string | null; stream: boolean } {
  const parsed = safeParse(bodyText)
  if (!parsed.ok || !isRecord(parsed.value)) return { model: null, stream: false }
  const { model, stream } = parsed.value
  return { model: typeof model === 'string' ? model : null, stream: stream === true }
}

export function usageOf(message: ReassembledMessage | null): TokenUsage | null {
  return message?.usage ?? null
}

export const PEEK_BYTES = 64 * 1024
const MODEL_KEY = /"model"\s*:\s*"([^"\\]{1,200})"/
const STREAM_KEY = /"stream"\s*:\s*(true|false)/

/**
 * A guess at `model` and `stream` from the start and end of a body, for the list while the exchange is in
 * flight: agents put these top-level fields before or after the big `messages` array, and parsing a
 * multi-MB body on the proxy's thread would hold up the traffic. The exact values come when it is stored.
 */
export function peekRequestMeta(body: Buffer | { head: Buffer; tail: Buffer }): { model: string | null; stream: boolean } {
  if (Buffer.isBuffer(body) && body.length <= 2 * PEEK_BYTES) return requestMeta(body.toString('utf8'))
  const ends = Buffer.isBuffer(body) ? { head: body.subarray(0, PEEK_BYTES), tail: body.subarray(body.length - PEEK_BYTES) } : body
  const head = ends.head.toString('latin1')
  const tail = ends.tail.toString('latin1')
  const model = MODEL_KEY.exec(head)?.[1] ?? MODEL_KEY.exec(tail)?.[1] ?? null
  const stream = (STREAM_KEY.exec(head)?.[1] ?? STREAM_KEY.exec(tail)?.[1]) === 'true'
  return { model, stream }
}
