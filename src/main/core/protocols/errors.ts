// Error objects found inside response bodies (error JSON, SSE `error` events, MiMo's `data:{"error":…}`).
import type { ReassembledMessage } from '../../../shared/types'
import { isRecord, safeParse, str } from './json'

export type BodyError = NonNullable<ReassembledMessage['error']>

function nonEmpty(value: unknown): string | null {
  const s = str(value)
  return s !== null && s.trim() !== '' ? s : null
}

/** A nested provider error carried as a JSON string (OpenRouter `metadata.raw`, Vertex `message`). */
function innerError(text: string | null, depth: number): BodyError | null {
  if (text === null || depth >= 3 || !text.trimStart().startsWith('{')) return null
  const parsed = safeParse(text)
  return parsed.ok ? errorOf(parsed.value, depth + 1) : null
}

/**
 * Reads `{"error": …}` (OpenAI, MiMo, DeepSeek, Anthropic `{"type":"error","error":{…}}`).
 * MiMo's `message` is the generic "Param Incorrect" and the real reason is in `param` (docs/wire-formats.md W1), so
 * a non-empty `param` wins; MiMo's `type` is "" so `code` stands in for it.
 */
export function errorOf(body: unknown, depth = 0): BodyError | null {
  if (!isRecord(body) || !('error' in body)) return null
  const error = body.error
  if (typeof error === 'string') return { type: null, message: error }
  if (!isRecord(error)) return null

  const code = typeof error.code === 'number' ? String(error.code) : nonEmpty(error.code)
  const type = nonEmpty(error.type) ?? code
  const message = nonEmpty(error.message)
  const param = nonEmpty(error.param)
  if (param !== null) return { type, message: param }

  // Wrappers whose own message is generic: prefer the provider's error inside.
  const metadata = isRecord(error.metadata) ? error.metadata : null
  const inner = innerError(str(metadata?.raw), depth) ?? innerError(message, depth)
  if (inner !== null) return { type: inner.type ?? type, message: inner.message }

  if (message !== null) return { type, message }
  let fallback: string
  try {
    fallback = JSON.stringify(error).slice(0, 500)
  } catch {
    fallback = 'unreadable error object'
  }
  return { type, message: fallback }
}
