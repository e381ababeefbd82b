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
