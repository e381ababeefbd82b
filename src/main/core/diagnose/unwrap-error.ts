// An error response → the text that says what went wrong, peeled as deep as the nesting goes: SSE framing
// (MiMo's bare `data:`, Anthropic's `event: error`), JSON envelopes (MiMo's `param`, Anthropic's error object,
// Vertex's JSON-in-a-string, OpenRouter's `metadata.raw`, a relay's `upstream_error`), relay prefixes
// (LiteLLM, Bedrock, new-api, CC Switch, …) and bodies quoted inside texts as JSON or Python reprs. The
// relays come from the dialect table's wrapper rows; the innermost text is matched against its error rows.
// Never throws; null when the body holds no error.
import type { ProviderId, UnwrappedError } from '../../../shared/types'
import { isRecord, str, type JsonRecord } from '../protocols/json'
import { parseSse } from '../protocols/sse'
import { WRAPPER_DIALECTS, type WrapperDialect } from './dialects'
import { embeddedObjects, readObject } from './embedded-object'
import { providerOfName } from './providers'
import { finish, type Peel } from './unwrap-classify'

const MAX_DEPTH = 12
const MAX_TEXT = 2000

/** Outer texts that say nothing about the cause (MiMo's `message`, OpenRouter's, gateways'). */
const GENERIC = /^(param incorrect|provider returned error|bad request|invalid request|invalid_request_error|error|upstream error|request failed|internal server error)\.?$/i
/** MiMo's `type` values seen so far (W1, R30, R31, R33); its `code` is the status as a string. */
const MIMO_TYPES = new Set(['', 'invalid_key', 'limitation', 'illegal_access'])
/**
 * What clients print before the provider's text: `400 `, `API Error: 400 `, `HTTP 400: `, `AI_APICallError: `,
 * go-openai's `error, status code: 400, status: 400 Bad Request, message: `.
 */
const CLIENT_PREFIXES: readonly RegExp[] = [
  /^error, status code: \d{3}(?:, status: [^,]*)?, message:\s*/i,
  /^(?:[A-Z]\w*Error|API Error|OpenAI API error|Request failed|Reason|HTTP)\s*:?\s*(?=\S)/,
  /^\d{3}\b(?!\])(?:\s+bad request)?[\s:,-]*(?=\S)/i
]

export function unwrapError(status: number | null, bodyText: string | null, contentType?: string | null): UnwrappedError | null {
  const failed = status !== null && status >= 400
  const text = (bodyText ?? '').replace(/^\uFEFF/, '').trim()
  const st = blank()
  if (text === '') {
    if (!failed) return null
    st.message = `HTTP ${status}`
    return finish(status, st, contentType)
  }
  if (looksLikeSse(text, contentType)) {
    if (!fromSse(text, st)) return failed ? finishText(status, text, contentType) : null
    return finish(status, st, contentType)
  }
  if (/^[{[]/.test(text)) {
    const value = readObject(text)
    if (value !== undefined) {
      // Bare `{"message": …}` bodies are errors only with an error status.
      if (!failed && !holdsError(value)) return null
      peel(value, st, 0)
      return finish(status, st, contentType)
    }
  }
  peel(text, st, 0)
  // A 2xx plain-text body is not an error unless a known wrapper says so.
  if (!failed && st.wrappers.length === 0) return null
  return finish(status, st, contentType)
}

function finishText(status: number | null, text: string, contentType: string | null | undefined): UnwrappedError {
  const st = blank()
  st.message = plainText(text)
  return finish(status, st, contentType)
}

function blank(): Peel {
  return { wrappers: [], labels: [], named: null, mentioned: null, shape: null, type: null, code: null, param: null, generic: null, message: null }
}

function looksLikeSse(text: string, contentType: string | null | undefined): boolean {
  if (text.startsWith('data:') || text.startsWith('event:')) return true
  return !!contentType && contentType.toLowerCase().includes('text/event-stream') && !/^[{[]/.test(text)
}

/** The first event that holds an error: MiMo's bare `data:{"error":…}` (W2) or Anthropic's `event: error`. */
function fromSse(text: string, st: Peel): boolean {
  for (const event of parseSse(text).events) {
    const named = event.event === 'error'
    if (!named && !event.data.includes('"error"')) continue // most events of a long stream: skip the parse
    const value = readObject(event.data.trim())
    if (value !== undefined && (named || holdsError(value))) {
      st.wrappers.push(named ? 'sse-error-event' : 'sse-data-prefix')
      peel(value, st, 0)
      return true
    }
    if (named) {
      st.wrappers.push('sse-error-event')
      peel(event.data, st, 0)
      return true
    }
  }
  return false
}

/** `{"error": …}` or Anthropic's `{"type":"error", …}`: an error whatever the status. */
function holdsError(value: unknown): boolean {
  return isRecord(value) && ('error' in value || value.type === 'error')
}

/** An object that reads like an error body (worth descending into when quoted in a text). */
function errorLike(value: unknown): boolean {
  if (!isRecord(value)) return false
  if (holdsError(value) || 'upstream_error' in value) return true
  if (isRecord(value.metadata) && 'raw' in value.metadata) return true
  if ('raw' in value && 'provider_name' in value) return true
  return ['message', 'detail', 'msg', 'error_msg', 'errmsg'].some((k) => typeof value[k] === 'string')
}

function peel(node: unknown, st: Peel, depth: number): void {
  if (depth > MAX_DEPTH) {
    st.message = typeof node === 'string' ? node : safeStringify(node)
    return
  }
  if (typeof node === 'string') return peelText(node, st, depth)
  if (Array.isArray(node)) return node.length > 0 ? peel(node[0], st, depth + 1) : undefined
  if (!isRecord(node)) {
    st.message = node === null || node === undefined ? st.message : String(node)
    return
  }
  for (const w of WRAPPER_DIALECTS) {
    if (!w.json) continue
    const found = w.json(node)
    if (!found) continue
    record(st, w, found.provider ?? null)
    setFacts(st, isRecord(node.error) ? node.error : node)
    st.param = null
    if (found.generic && found.generic.trim() !== '') st.generic = found.generic
    return peel(found.inner, st, depth + 1)
  }
  peelErrorObject(node, st, depth)
}

/** The provider's own error object, or the bare `{message, code}` some send (Bedrock, GLM, SiliconFlow). */
function peelErrorObject(node: JsonRecord, st: Peel, depth: number): void {
  let e: JsonRecord = node
  if (node.type === 'error' && isRecord(node.error)) {
    e = node.error
    st.shape = 'anthropic'
  } else if (isRecord(node.error)) {
    e = node.error
    st.shape = 'openai'
  } else if (typeof node.error === 'string' && node.error.trim() !== '') {
    setFacts(st, node)
    return peel(node.error, st, depth + 1)
  }
  setFacts(st, e)
  const rawMessage = e.message ?? e.msg ?? e.detail ?? e.error_msg ?? e.errmsg
  if (isRecord(rawMessage) || Array.isArray(rawMessage)) return peel(rawMessage, st, depth + 1)
  const message = nonEmpty(rawMessage)
  const param = nonEmpty(e.param)
  const code = codeOf(e.code)
  if (code !== null && /^\d{3}$/.test(code) && (message === 'Param Incorrect' || MIMO_TYPES.has(str(e.type) ?? '-'))) st.shape = 'mimo'
  if (message === null && param === null) {
    if (st.message === null) st.message = safeStringify(node)
    return
  }
  const chosen = chooseMessage(message, param)
  if (chosen.generic !== null) st.generic = chosen.generic
  peel(chosen.message, st, depth + 1)
}

function setFacts(st: Peel, e: JsonRecord): void {
  const type = nonEmpty(e.type) ?? nonEmpty(e.__type)
  if (type !== null && type !== 'error') st.type = type
  const code = codeOf(e.code) ?? codeOf(e.status_code)
  if (code !== null) st.code = code
  const param = nonEmpty(e.param)
  if (param !== null) st.param = param
}

/**
 * MiMo puts the reason in `param` and a generic `message` (W1). When both say something, as in MiMo's 401
 * (`Invalid API Key` / `Please provide valid API Key`), the message names the fault and param is advice, so
 * the message stays and param is kept as the secondary text. A path-like param (OpenAI's `messages.[6].role`,
 * OpenRouter's `messages.0.function-after[…].role`) is prefixed, the way Anthropic writes `messages.N: …`.
 */
function chooseMessage(message: string | null, param: string | null): { message: string; generic: string | null } {
  if (param === null) return { message: message ?? '', generic: null }
  if (message === null || GENERIC.test(message.trim())) return { message: param, generic: message }
  if (/^'?(messages|tools|system|tool_choice|input)[.[]/.test(param)) return { message: `${param.replace(/^'|'$/g, '')}: ${message}`, generic: null }
  return { message, generic: param }
}

/** A text: JSON, a bytes repr, a relay's prefix, a body quoted inside it, or the message itself. */
function peelText(text: string, st: Peel, depth: number): void {
  const t = text.trim()
  if (/^[{[]/.test(t)) {
    const value = readObject(t)
    if (value !== undefined && typeof value === 'object' && value !== null) return peel(value, st, depth + 1)
  }
  const bytes = /^b(['"])([\s\S]*)\1$/.exec(t)
  if (bytes) return peel(bytes[2].replace(/\\(['"\\])/g, '$1'), st, depth + 1)
  // A body followed by a relay's notes (`{…}No fallback model group…`, `{…}Error: Error from provider…`).
  if (t.startsWith('{')) {
    const lead = embeddedObjects(t)[0]
    if (lead?.start === 0 && errorLike(lead.value)) return peel(lead.value, st, depth + 1)
  }
  for (const w of WRAPPER_DIALECTS) {
    if (!w.text) continue
    const m = w.text.exec(t)
    if (!m?.groups || m.groups.inner === undefined) continue
    record(st, w, m.groups.provider ?? null)
    return peel(m.groups.inner, st, depth + 1)
  }
  for (const found of embeddedObjects(t)) {
    if (!errorLike(found.value)) continue
    const before = t.slice(0, found.start)
    if (before.length < 200) st.mentioned = providerOfName(before.replace(/error|http|status|code/gi, ' ')) ?? st.mentioned
    return peel(found.value, st, depth + 1)
  }
  st.message = cleanText(t, st)
}

/**
 * Relays' notes off the end of the provider's text (LiteLLM's fallback report, new-api's request ids; a
 * suffix-only relay is recorded by its suffix), status noise off the start, long texts cut.
 */
function cleanText(text: string, st: Peel): string {
  let t = text
  for (const w of WRAPPER_DIALECTS) {
    if (!w.strip) continue
    const cut = t.replace(w.strip, '')
    if (cut === t) continue
    t = cut
    if (!w.text && !st.wrappers.includes(w.relay)) record(st, w, null)
  }
  // A client's `[API Error: 400 …]` brackets around the whole text.
  if (/^\[[^\]]/.test(t) && t.endsWith(']') && !/^\[\d{3}\]/.test(t)) t = t.slice(1, -1)
  for (const prefix of CLIENT_PREFIXES) t = t.replace(prefix, '')
  return plainText(t.trim())
}

function record(st: Peel, w: WrapperDialect, provider: string | null): void {
  st.wrappers.push(w.relay)
  if (w.label && !st.labels.includes(w.label)) st.labels.push(w.label)
  // `OpenAIException` is LiteLLM's OpenAI-compatible client, whoever stands behind it.
  const named = provider && !/^openai$/i.test(provider) ? providerOfName(provider) : null
  if (named && named !== 'openrouter') st.named = named
  if (w.relay === 'vertex' || w.relay === 'bedrock') st.named = 'anthropic'
}

/** HTML error pages (MiMo's 451) become their text; anything long is cut. */
function plainText(text: string): string {
  const flat = /^<(!doctype|html)/i.test(text) ? text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() : text
  return flat.length > MAX_TEXT ? flat.slice(0, MAX_TEXT) + '…' : flat
}

function safeStringify(value: unknown): string {
  try {
    return plainText(JSON.stringify(value) ?? '')
  } catch {
    return ''
  }
}

function nonEmpty(value: unknown): string | null {
  const s = str(value)
  return s !== null && s.trim() !== '' ? s : null
}

function codeOf(value: unknown): string | null {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : nonEmpty(value)
}
