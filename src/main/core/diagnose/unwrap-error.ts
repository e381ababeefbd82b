// An error response → the text that says what went wrong, peeled as deep as the nesting goes: SSE framing
// (MiMo's bare `data:`, Anthropic's `event: error`), JSON envelopes (MiMo's `param`, Anthropic's error object,
// Vertex's JSON-in-a-string, OpenRouter's `metadata.raw`, a relay's `upstream_error`), relay prefixes
// (LiteLLM, Bedrock, new-api, CC Switch, …) and bodies quoted inside texts as JSON or Python reprs. The
// relays come from the dialect table's wrapper rows; the innermost text is matched against its error rows.
// Never throws; null when the body holds no error.
import type { ProviderId, UnwrappedError } from '../../../shared/types'
import { isRecord, str, type JsonRecord } from '../protocols/json'
import { parseSse } from '../protocols/sse'
import { ERROR_DIALECTS, WRAPPER_DIALECTS, type ErrorDialect, type WrapperDialect } from './dialects'
import { embeddedObjects, readObject } from './embedded-object'
import { parseLocation } from './error-location'
import { PROVIDER_LABELS, providerOfName } from './providers'

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

/** What peeling collects, innermost facts overwriting outer ones. */
interface Peel {
  wrappers: string[]
  labels: string[]
  /** Providers a wrapper names (`provider_name`, `DeepseekException`); the innermost counts. */
  named: ProviderId | null
  /** A provider a free text before a quoted body mentions (`deepseek: httpx: …`): weaker. */
  mentioned: ProviderId | null
  /** The innermost envelope's look: MiMo's `param` shape, Anthropic's `type: error`, OpenAI's error object. */
  shape: ProviderId | null
  type: string | null
  code: string | null
  param: string | null
  generic: string | null
  message: string | null
}

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

function finish(status: number | null, st: Peel, contentType: string | null | undefined): UnwrappedError {
  const message = st.message ?? ''
  const generic = st.generic !== null && st.generic !== message ? st.generic : null
  const match = matchDialect(message, generic, st)
  const provider = chooseProvider(st, match?.dialect ?? null, message, contentType)
  const chain = [...st.labels]
  if (provider !== 'unknown') chain.push(PROVIDER_LABELS[provider])
  return {
    status,
    wrappers: st.wrappers,
    provider,
    chain,
    dialect: match?.dialect.id ?? null,
    names: namesOf(message, match, st),
    type: st.type,
    code: st.code,
    message,
    genericMessage: generic,
    location: parseLocation(message) ?? parseLocation(generic)
  }
}

interface DialectMatch {
  dialect: ErrorDialect
  groups: RegExpExecArray
}

/** The error row whose wording the text has; among rows sharing a wording, the one of the provider named. */
function matchDialect(message: string, generic: string | null, st: Peel): DialectMatch | null {
  // Copied texts wrap lines anywhere: match on single spaces.
  const text = (generic ? `${message}\n${generic}` : message).replace(/\s+/g, ' ')
  let first: DialectMatch | null = null
  let second: DialectMatch | null = null
  const wanted = st.named ?? st.shape
  for (const dialect of ERROR_DIALECTS) {
    const groups = dialect.pattern.exec(text)
    if (!groups) continue
    if (dialect.provider === wanted) return { dialect, groups }
    // MiMo's envelope is its own: outside it, a wording MiMo shares is another provider's.
    if (dialect.provider === 'mimo' && wanted !== null) second ??= { dialect, groups }
    else first ??= { dialect, groups }
  }
  return first ?? second
}

/**
 * A relay that names the provider wins; then the wording's owner; then a few telltales in the text; then
 * the envelope's look (MiMo's, Anthropic's, OpenAI's), which DeepSeek and Kimi borrow, so DeepSeek's
 * octet-stream content type tells it apart (W7).
 */
function chooseProvider(st: Peel, dialect: ErrorDialect | null, message: string, contentType: string | null | undefined): ProviderId {
  if (st.named) return st.named
  if (dialect) return dialect.provider
  if (/api-docs\.deepseek\.com|\[trace_id=/i.test(message)) return 'deepseek'
  if (/InternalError\.Algo|^<\d{3}> /.test(message)) return 'dashscope'
  if (st.code !== null && /^1[23]\d\d$/.test(st.code)) return 'zhipu'
  if (st.mentioned) return st.mentioned
  const openaiShaped = st.shape === 'openai' || st.shape === null
  if (openaiShaped && contentType?.toLowerCase().includes('application/octet-stream')) return 'deepseek'
  return st.shape ?? 'unknown'
}

/** Tool ids, a part type and a parameter the text names, as far as the text alone tells. */
function namesOf(message: string, match: DialectMatch | null, st: Peel): NonNullable<UnwrappedError['names']> {
  const d = match?.dialect
  const g = match?.groups
  const toolIds: string[] = []
  if (d?.idGroup !== undefined && g?.[d.idGroup] !== undefined) {
    for (const id of g[d.idGroup].split(/[\s,]+/)) if (id.replace(/[.'"`]+$/, '') !== '') toolIds.push(id.replace(/[.'"`]+$/, ''))
    // An empty id ("tool_call_id  is not found") is a fact too.
    if (toolIds.length === 0) toolIds.push('')
  }
  for (const id of message.match(/\b(?:call|toolu|tooluse|srvtoolu|toolu_vrtx)_[A-Za-z0-9_-]{4,}/g) ?? []) if (!toolIds.includes(id)) toolIds.push(id)
  let partType: string | null = null
  if (d?.part?.type) partType = d.part.type
  else if (d?.part?.group !== undefined) partType = g?.[d.part.group] ?? null
  else if (d?.part?.allowedGroup !== undefined) partType = `not:${(g?.[d.part.allowedGroup] ?? '').replace(/['"\s]/g, '')}`
  // A path that goes on from the message into a part type: `messages[565].image[0]`, `messages.2.content.0.image.source`.
  partType ??= PART_IN_PATH.exec(message)?.[1] ?? null
  const missingField = d?.part?.missingGroup !== undefined ? (g?.[d.part.missingGroup] ?? null) : null
  let parameter: string | null = null
  if (d?.parameterGroup !== undefined) parameter = g?.[d.parameterGroup] ?? null
  // OpenAI's `param` is a path (`tools[0].name`); MiMo's is a sentence.
  else if (st.param && /^'?[\w.[\]-]+'?$/.test(st.param) && !/^'?(messages?|input)\b/.test(st.param)) parameter = st.param.replace(/^'|'$/g, '')
  else if (d?.locates.includes('parameter')) parameter = /^([a-z_]+(?:\.[\w[\]]+)*)/i.exec(message)?.[1] ?? null
  return { toolIds, partType, parameter, missingField }
}

/** Part types as a path names them right after the message (or its content index). */
const PART_IN_PATH = /messages?(?:\.\d+|\.?\[\d+\])(?:\.content(?:\.\d+|\.?\[\d+\]))?\.(image_url|image|input_image|video_url|video|input_audio|audio|file|document)\b/

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
