// An error response → the text that says what went wrong, with the wrappers peeled off (docs/wire-formats.md W1–W8):
// MiMo's `data:` prefix and `param`, Anthropic's error object, Vertex's JSON-in-a-string, OpenRouter's
// `metadata.raw`, Bedrock's and LiteLLM's prefixes. Never throws; null when the body holds no error.
import type { UnwrappedError } from '../../../shared/types'
import { isRecord, safeParse, str, type JsonRecord } from '../protocols/json'
import { parseSse } from '../protocols/sse'
import { parseLocation } from './error-location'

type Provider = UnwrappedError['provider']

/** One peeled layer, innermost facts winning; `wrappers` outermost first. */
interface Layer {
  wrappers: string[]
  provider: Provider
  type: string | null
  code: string | null
  message: string
  genericMessage: string | null
}

const MAX_DEPTH = 6
const MAX_TEXT = 2000

/** Outer texts that say nothing about the cause (MiMo's `message`, OpenRouter's, gateways'). */
const GENERIC = /^(param incorrect|provider returned error|bad request|invalid request|invalid_request_error|error|upstream error|request failed|internal server error)\.?$/i
/** MiMo's `type` values seen so far (W1, R30, R31, R33); its `code` is the status as a string. */
const MIMO_TYPES = new Set(['', 'invalid_key', 'limitation', 'illegal_access'])

export function unwrapError(status: number | null, bodyText: string | null, contentType?: string | null): UnwrappedError | null {
  const failed = status !== null && status >= 400
  const text = (bodyText ?? '').replace(/^\uFEFF/, '').trim()
  const layer = text === '' ? null : looksLikeSse(text, contentType) ? fromSse(text) : fromBody(text, failed)
  if (layer === null) {
    if (!failed) return null
    return finish(status, { ...blank(), message: text === '' ? `HTTP ${status}` : plainText(text) })
  }
  if (layer.provider !== 'mimo') layer.provider = providerByText(layer, contentType)
  return finish(status, layer)
}

function finish(status: number | null, layer: Layer): UnwrappedError {
  return {
    status,
    wrappers: layer.wrappers,
    provider: layer.provider,
    type: layer.type,
    code: layer.code,
    message: layer.message,
    genericMessage: layer.genericMessage,
    location: parseLocation(layer.message) ?? parseLocation(layer.genericMessage)
  }
}

function blank(): Layer {
  return { wrappers: [], provider: 'unknown', type: null, code: null, message: '', genericMessage: null }
}

function looksLikeSse(text: string, contentType: string | null | undefined): boolean {
  if (text.startsWith('data:') || text.startsWith('event:')) return true
  return !!contentType && contentType.toLowerCase().includes('text/event-stream') && !/^[{[]/.test(text)
}

/** The first event that holds an error: MiMo's bare `data:{"error":…}` (W2) or Anthropic's `event: error`. */
function fromSse(text: string): Layer | null {
  for (const event of parseSse(text).events) {
    const named = event.event === 'error'
    if (!named && !event.data.includes('"error"')) continue // most events of a long stream: skip the parse
    const parsed = safeParse(event.data)
    const layer = parsed.ok && (named || holdsError(parsed.value)) ? peel(parsed.value, 0) : null
    if (layer !== null) {
      layer.wrappers.unshift(named ? 'sse-error-event' : 'sse-data-prefix')
      return layer
    }
    if (named) return { ...blank(), wrappers: ['sse-error-event'], message: plainText(event.data) }
  }
  return null
}

/** JSON error body, or a plain-text one (Bedrock and LiteLLM prefixes, HTML error pages). */
function fromBody(text: string, failed: boolean): Layer | null {
  if (/^[{[]/.test(text)) {
    const parsed = safeParse(text)
    // Bare `{"message": …}` bodies are errors only with an error status.
    if (parsed.ok) return failed || holdsError(parsed.value) ? peel(parsed.value, 0) : null
  }
  const layer = peelText(text, 0)
  // A 2xx plain-text body is not an error unless a known wrapper says so.
  return failed || layer.wrappers.length > 0 ? layer : null
}

/** `{"error": …}` or Anthropic's `{"type":"error", …}`: an error whatever the status. */
function holdsError(value: unknown): boolean {
  return isRecord(value) && ('error' in value || value.type === 'error')
}

/** A parsed JSON value → its error layer, or null when it holds none. */
function peel(value: unknown, depth: number): Layer | null {
  if (!isRecord(value) || depth > MAX_DEPTH) return null
  // Anthropic native (W3), also Kimi's Anthropic-shaped body: {"type":"error","error":{type,message}}.
  if (value.type === 'error' && isRecord(value.error)) {
    const layer = peelText(nonEmpty(value.error.message) ?? '', depth + 1)
    layer.type ??= nonEmpty(value.error.type)
    if (layer.provider === 'unknown') layer.provider = 'anthropic'
    return layer
  }
  if ('error' in value) {
    const error = value.error
    if (typeof error === 'string') return error.trim() === '' ? null : peelText(error, depth + 1)
    if (isRecord(error)) return peelErrorObject(error, depth)
    return null
  }
  // Bare `{message, code}` bodies: Bedrock `{"message": …}`, GLM `{"message","code"}`, SiliconFlow `{code,message,data}`.
  const message = nonEmpty(value.message) ?? nonEmpty(value.detail)
  if (message === null) return null
  const layer = peelText(message, depth + 1)
  layer.type ??= nonEmpty(value.__type) ?? nonEmpty(value.type)
  layer.code ??= codeOf(value.code)
  return layer
}

/** `{"error": {...}}`: MiMo (W1), OpenAI/DeepSeek (W7), OpenRouter (W5), Vertex (W4). */
function peelErrorObject(error: JsonRecord, depth: number): Layer {
  const code = codeOf(error.code)
  const type = nonEmpty(error.type)
  const message = nonEmpty(error.message)
  const param = nonEmpty(error.param)

  const metadata = isRecord(error.metadata) ? error.metadata : null
  const raw = str(metadata?.raw)
  if (raw !== null && raw.trim() !== '') {
    const inner = peelText(raw, depth + 1)
    inner.wrappers.unshift('openrouter')
    inner.genericMessage ??= message
    inner.code ??= code
    if (inner.provider === 'unknown') inner.provider = providerByName(str(metadata?.provider_name))
    return inner
  }

  // Vertex: the provider's whole error JSON as the message string (status "INVALID_ARGUMENT").
  if (message !== null && message.trimStart().startsWith('{')) {
    const parsed = safeParse(message)
    const inner = parsed.ok ? peel(parsed.value, depth + 1) : null
    if (inner !== null) {
      inner.wrappers.unshift(typeof error.status === 'string' ? 'vertex' : 'json-in-message')
      inner.code ??= code
      return inner
    }
  }

  const chosen = chooseMessage(message, param)
  const layer = peelText(chosen.message, depth + 1)
  layer.genericMessage ??= chosen.generic
  layer.type ??= type
  layer.code ??= code
  const mimo = code !== null && /^\d{3}$/.test(code) && ('param' in error || message === 'Param Incorrect' || MIMO_TYPES.has(str(error.type) ?? '-'))
  if (layer.provider === 'unknown') layer.provider = mimo ? 'mimo' : type !== null ? 'openai' : 'unknown'
  return layer
}

/**
 * MiMo puts the reason in `param` and a generic `message` (W1). When both say something, as in MiMo's 401
 * (`Invalid API Key` / `Please provide valid API Key`), the message names the fault and param is advice, so
 * the message stays and param is kept as the secondary text. A path-like param (OpenRouter's
 * `messages.0.function-after[…].role`) is prefixed, the way Anthropic writes `messages.N: …`.
 */
function chooseMessage(message: string | null, param: string | null): { message: string; generic: string | null } {
  if (param === null) return { message: message ?? '', generic: null }
  if (message === null || GENERIC.test(message.trim())) return { message: param, generic: message }
  if (/^(messages|tools|system|tool_choice)[.[]/.test(param)) return { message: `${param}: ${message}`, generic: null }
  return { message, generic: param }
}

/** A text that may itself be a wrapper (LiteLLM, Bedrock) or hold JSON; otherwise it is the message. */
function peelText(text: string, depth: number): Layer {
  const trimmed = text.trim()
  if (depth <= MAX_DEPTH) {
    // LiteLLM (W6): `litellm.BadRequestError: AnthropicException - b'{...}'`.
    const litellm = /^litellm\.(\w+):\s*(?:(\w+?)Exception\s*-\s*)?([\s\S]*)$/.exec(trimmed)
    if (litellm) {
      const inner = peelText(pythonBytes(litellm[3]), depth + 1)
      inner.wrappers.unshift('litellm')
      inner.type ??= litellm[1]
      if (inner.provider === 'unknown') inner.provider = providerByName(litellm[2] ?? null)
      return inner
    }
    // Bedrock (W6): `The model returned the following errors: <anthropic message>` (ValidationException).
    const bedrock = /The model returned the following errors:\s*([\s\S]*)$/.exec(trimmed)
    if (bedrock) {
      const inner = peelText(bedrock[1], depth + 1)
      inner.wrappers.unshift('bedrock')
      if (inner.provider === 'unknown') inner.provider = 'anthropic'
      return inner
    }
    if (/^[{[]/.test(trimmed)) {
      const parsed = safeParse(trimmed)
      const inner = parsed.ok ? peel(parsed.value, depth + 1) : null
      if (inner !== null) return inner
    }
  }
  return { ...blank(), message: plainText(trimmed) }
}

/** Python's bytes repr `b'…'` (LiteLLM) → the text inside. */
function pythonBytes(text: string): string {
  const match = /^b(['"])([\s\S]*)\1\s*$/.exec(text.trim())
  if (!match) return text
  return match[2].replace(/\\(['"\\])/g, '$1')
}

/** HTML error pages (MiMo's 451) become their text; anything long is cut. */
function plainText(text: string): string {
  const flat = /^<(!doctype|html)/i.test(text) ? text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() : text
  return flat.length > MAX_TEXT ? flat.slice(0, MAX_TEXT) + '…' : flat
}

function providerByName(name: string | null): Provider {
  const n = (name ?? '').toLowerCase()
  if (n.includes('xiaomi') || n.includes('mimo')) return 'mimo'
  if (n.includes('anthropic') || n.includes('bedrock') || n.includes('vertex') || n.includes('google')) return 'anthropic'
  if (n.includes('deepseek')) return 'deepseek'
  if (n.includes('moonshot') || n.includes('kimi')) return 'kimi'
  if (n.includes('openai')) return 'openai'
  return 'unknown'
}

/**
 * DeepSeek and Kimi borrow OpenAI's and Anthropic's error shapes; their texts tell them apart, and for an
 * OpenAI-shaped body so does DeepSeek's content type (W7). MiMo's shape is its own, so it is never re-read.
 */
function providerByText(layer: Layer, contentType: string | null | undefined): Provider {
  const m = layer.message
  if (/thinking is enabled but reasoning_content is missing/i.test(m)) return 'kimi'
  if (/content\[\]\.thinking`? in the thinking mode|api-docs\.deepseek\.com|\[trace_id=|reasoning_content`? in the thinking mode/i.test(m)) return 'deepseek'
  const openaiShaped = layer.provider === 'openai' || layer.provider === 'unknown'
  if (openaiShaped && contentType?.toLowerCase().includes('application/octet-stream')) return 'deepseek'
  return layer.provider
}

function nonEmpty(value: unknown): string | null {
  const s = str(value)
  return s !== null && s.trim() !== '' ? s : null
}

function codeOf(value: unknown): string | null {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : nonEmpty(value)
}
