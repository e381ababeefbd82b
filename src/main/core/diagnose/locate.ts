// Which message and block of this request an error means. The text's index is checked against the request
// (a relay may count in the other format: an Anthropic request turned into OpenAI messages gains its system
// message and splits tool results; an OpenAI one turned into Anthropic loses its system messages); a tool id
// the text names is looked up among the request's tool calls and results; a content part type it names is
// found in the message. The error's own dialect says what the index should point at.
import type { UnwrappedError } from '../../../shared/types'
import { isRecord, str, type JsonRecord } from '../protocols/json'
import { errorDialectById, type ErrorDialect, type Expect } from './dialects'
import { parseLocations, type RawLocation } from './error-location'

export interface Resolved {
  messageIndex: number
  blockIndex: number | null
  via: 'index' | 'tool-id' | 'part-type' | 'role' | 'last' | 'structure'
}

export interface LocateRequest {
  protocol: 'anthropic' | 'openai'
  messages: readonly unknown[]
  /** An Anthropic request's top-level `system` (a relay makes it OpenAI message 0). */
  hasSystem: boolean
}

interface ToolRef {
  messageIndex: number
  /** Anthropic content index; OpenAI `tool_calls` index; null for an OpenAI tool message. */
  blockIndex: number | null
  kind: 'call' | 'result'
}

/** Tool-id-like tokens of a text (what an id usually looks like: letters with digits, `_`, `-` or `:`). */
const ID_TOKEN = /[A-Za-z0-9][\w.:-]{3,}/g

/**
 * `explained(i)`: a finding of the rule the error names sits on message i. Between two readings of an
 * index, the one the request's own findings explain wins.
 */
export function locate(error: UnwrappedError, request: LocateRequest, explained: (messageIndex: number) => boolean = () => false): Resolved | null {
  const dialect = errorDialectById(error.dialect)
  if (dialect?.where === 'last-message' && request.messages.length > 0) return { messageIndex: request.messages.length - 1, blockIndex: null, via: 'last' }
  const byIndex = fromIndex(error, dialect, request, explained)
  const byId = fromToolIds(error, dialect, request, byIndex?.messageIndex ?? null)
  if (byId) return byId
  // An index past the end of the request: not the request the error saw, so no part is looked for either.
  const indexed = parseLocations(error.message).length > 0 || parseLocations(error.genericMessage).length > 0
  const byPart = byIndex || !indexed ? fromPartType(error, request, byIndex?.messageIndex ?? null) : null
  if (byPart) return byPart
  if (byIndex) return byIndex
  return fromRole(dialect, error, request) ?? firstEmpty(dialect, error, request)
}

/** An unknown wording that speaks of empty or null content. */
const SPEAKS_OF_EMPTY = /\b(content|message|text)\b[^.]*\b(empty|null|blank)\b|\b(empty|null|blank)\b[^.]*\b(content|message)\b/i

/**
 * A wording about empty content with no index (DashScope's, Kimi's, or one the table does not know): the
 * first empty message, a final reply aside.
 */
function firstEmpty(dialect: ErrorDialect | null, error: UnwrappedError, request: LocateRequest): Resolved | null {
  if (dialect ? dialect.expect !== 'empty' : !SPEAKS_OF_EMPTY.test(error.message)) return null
  const last = request.messages.length - 1
  const i = request.messages.findIndex((m, k) => isRecord(m) && isEmptyMessage(m) && !(k === last && m.role === 'assistant'))
  return i === -1 ? null : { messageIndex: i, blockIndex: null, via: 'structure' }
}

// ---------- the index ----------

function fromIndex(error: UnwrappedError, dialect: ErrorDialect | null, request: LocateRequest, explained: (messageIndex: number) => boolean): Resolved | null {
  const all = [...parseLocations(error.message), ...parseLocations(error.genericMessage)]
  if (all.length === 0) return null
  const raw = dialect?.pick === 'last' ? all.reduce((a, b) => (b.at >= a.at ? b : a)) : all[0]
  const block = raw.blockIndex ?? all.find((l) => l.messageIndex === raw.messageIndex && l.blockIndex !== null)?.blockIndex ?? null
  const next = dialect?.index === 'next'
  const candidates = candidatesFor(raw, request, next, dialect?.expect === 'assistant-tool-call')
  const fits = (i: number): boolean => i >= 0 && i < request.messages.length && matches(request.messages[i], dialect?.expect, block)
  const checked = dialect?.expect !== undefined || block !== null
  const inRange = candidates.filter((c) => c.index >= 0 && c.index < request.messages.length)
  const pick = inRange.find((c) => explained(c.index) && fits(c.index)) ?? (checked ? inRange.find((c) => fits(c.index)) : undefined) ?? candidates[0]
  if (pick.index < 0 || pick.index >= request.messages.length) return null
  return { messageIndex: pick.index, blockIndex: pick.keepsBlock ? block : null, via: 'index' }
}

interface Candidate {
  index: number
  keepsBlock: boolean
}

/**
 * The index as written first; then as counted in the other format; then, for wordings that may name the
 * message after a tool call (DashScope's `message[N].role`), the one before.
 */
function candidatesFor(raw: RawLocation, request: LocateRequest, next: boolean, mayNameFollowing: boolean): Candidate[] {
  const n = raw.messageIndex
  const out: Candidate[] = []
  const add = (index: number | null, keepsBlock: boolean): void => {
    if (index !== null && !out.some((c) => c.index === index)) out.push({ index, keepsBlock })
  }
  if (next) add(n - 1, false)
  add(n, !next)
  const other = request.protocol === 'anthropic' ? anthropicIndexOfOpenai(n, request) : openaiIndexOfAnthropic(n, request.messages)
  if (other !== null) {
    if (next) add(other - 1, false)
    add(other, !next)
  }
  if (mayNameFollowing) {
    add(n - 1, false)
    if (other !== null) add(other - 1, false)
  }
  return out
}

function matches(message: unknown, expect: Expect | undefined, block: number | null): boolean {
  if (!isRecord(message)) return false
  if (block !== null && !(Array.isArray(message.content) && block < message.content.length)) return false
  switch (expect) {
    case undefined:
      return true
    case 'assistant':
      return message.role === 'assistant'
    case 'user':
      return message.role === 'user'
    case 'assistant-tool-call':
      return message.role === 'assistant' && callsOf(message).length > 0
    case 'tool-result':
      return message.role === 'tool' || (Array.isArray(message.content) && message.content.some((b) => isRecord(b) && b.type === 'tool_result'))
    case 'empty':
      return isEmptyMessage(message)
  }
}

function isEmptyMessage(message: JsonRecord): boolean {
  if (callsOf(message).length > 0) return false
  const c = message.content
  if (c === undefined || c === null) return true
  if (typeof c === 'string') return c.trim() === ''
  if (!Array.isArray(c)) return false
  return c.every((b) => isRecord(b) && b.type === 'text' && (typeof b.text !== 'string' || b.text.trim() === ''))
}

/**
 * An OpenAI-format index (what a relay sends on) → this Anthropic request's message: the top-level system
 * prompt becomes message 0, and a user message of k tool results becomes k tool messages (plus one user
 * message for any other content).
 */
function anthropicIndexOfOpenai(n: number, request: LocateRequest): number | null {
  const width = (m: JsonRecord | null): number => {
    const content = Array.isArray(m?.content) ? m.content : null
    const results = content ? content.filter((b) => isRecord(b) && b.type === 'tool_result').length : 0
    const rest = content ? content.length - results : 1
    return Math.max(1, results + (results > 0 && rest > 0 ? 1 : 0))
  }
  return mapIndex(n, request.messages, width, request.hasSystem ? 1 : 0)
}

/**
 * An Anthropic-format index (a relay converted this OpenAI request) → this request's message: system and
 * developer messages are dropped, and a run of tool messages (with the user message after it) is one.
 */
function openaiIndexOfAnthropic(n: number, messages: readonly unknown[]): number | null {
  let group = -1
  let previous: string | null = null
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]
    const role = isRecord(m) ? str(m.role) : null
    if (role === 'system' || role === 'developer') continue
    const merged = (role === 'tool' || role === 'user') && (previous === 'tool' || (previous === 'user' && role === 'tool'))
    if (!merged) group++
    previous = role
    if (group === n) return i
  }
  return null
}

/** Walks the request's messages, each standing for `width(m)` messages of the other format after `offset`. */
function mapIndex(n: number, messages: readonly unknown[], width: (m: JsonRecord | null) => number, offset: number): number | null {
  let at = offset
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]
    const w = width(isRecord(m) ? m : null)
    if (n >= at && n < at + w) return i
    at += w
  }
  return null
}

// ---------- tool ids ----------

function fromToolIds(error: UnwrappedError, dialect: ErrorDialect | null, request: LocateRequest, near: number | null): Resolved | null {
  const refs = toolRefs(request)
  if (refs.size === 0) return null
  const named = error.names?.toolIds ?? []
  const ids = new Set<string>(named.filter((id) => refs.has(id)))
  for (const token of `${error.message}\n${error.genericMessage ?? ''}`.match(ID_TOKEN) ?? []) {
    const id = token.replace(/[.,;:]+$/, '')
    if (refs.has(id) && /[\d_:-]/.test(id)) ids.add(id)
  }
  const wantsEmpty = dialect?.ids !== undefined && named.length === 1 && named[0] === ''
  if (wantsEmpty && refs.has('')) ids.add('')
  if (ids.size === 0) return null
  const kind = dialect?.ids ?? (dialect?.rule === 'anthropic.tool-result-without-use' ? 'result' : dialect?.rule === 'anthropic.tool-use-without-result' ? 'call' : null)
  let best: ToolRef | null = null
  for (const id of ids) {
    const ref = pickRef(refs.get(id)!, kind, near)
    if (ref && (best === null || ref.messageIndex < best.messageIndex)) best = ref
  }
  return best ? { messageIndex: best.messageIndex, blockIndex: best.blockIndex, via: 'tool-id' } : null
}

function pickRef(occurrences: readonly ToolRef[], kind: ErrorDialect['ids'] | null, near: number | null): ToolRef | null {
  const calls = occurrences.filter((r) => r.kind === 'call')
  const results = occurrences.filter((r) => r.kind === 'result')
  if (kind === 'call') return calls[0] ?? null
  if (kind === 'result') return orphanResult(results, calls) ?? results[0] ?? null
  if (kind === 'repeat') return results[1] ?? calls[1] ?? null
  // Not said: the occurrence that is wrong (a call nobody answers, a result nothing asked for), near the index.
  const faulty = [...calls.filter((c) => !results.some((r) => r.messageIndex > c.messageIndex)), ...results.filter((r) => !calls.some((c) => c.messageIndex < r.messageIndex))]
  const pool = faulty.length > 0 ? faulty : occurrences
  if (near !== null) return [...pool].sort((a, b) => Math.abs(a.messageIndex - near) - Math.abs(b.messageIndex - near))[0]
  return pool[0]
}

function orphanResult(results: readonly ToolRef[], calls: readonly ToolRef[]): ToolRef | null {
  return results.find((r) => !calls.some((c) => c.messageIndex < r.messageIndex)) ?? null
}

function toolRefs(request: LocateRequest): Map<string, ToolRef[]> {
  const refs = new Map<string, ToolRef[]>()
  const add = (id: string | null, ref: ToolRef): void => {
    if (id === null) return
    const list = refs.get(id)
    if (list) list.push(ref)
    else refs.set(id, [ref])
  }
  request.messages.forEach((m, i) => {
    if (!isRecord(m)) return
    callsOf(m).forEach((call, k) => add(str(call.id), { messageIndex: i, blockIndex: k, kind: 'call' }))
    if (m.role === 'tool') add(str(m.tool_call_id) ?? '', { messageIndex: i, blockIndex: null, kind: 'result' })
    if (!Array.isArray(m.content)) return
    m.content.forEach((b, k) => {
      if (!isRecord(b)) return
      if (b.type === 'tool_use' || b.type === 'server_tool_use') add(str(b.id), { messageIndex: i, blockIndex: k, kind: 'call' })
      else if (typeof b.type === 'string' && b.type.endsWith('tool_result')) add(str(b.tool_use_id) ?? '', { messageIndex: i, blockIndex: k, kind: 'result' })
    })
  })
  return refs
}

/** OpenAI `tool_calls` of an assistant message, or its Anthropic `tool_use` blocks. */
function callsOf(message: JsonRecord): JsonRecord[] {
  if (Array.isArray(message.tool_calls)) return message.tool_calls.filter(isRecord)
  if (message.role === 'assistant' && Array.isArray(message.content)) return message.content.filter((b): b is JsonRecord => isRecord(b) && b.type === 'tool_use')
  return []
}

// ---------- content parts and roles ----------

/** Anthropic blocks that are the conversation's structure, not content a text-only endpoint refuses. */
const STRUCTURAL = new Set(['tool_use', 'tool_result', 'thinking', 'redacted_thinking', 'server_tool_use'])

/** Types that stand for one another across formats and wordings. */
const SAME_PART: Record<string, readonly string[]> = {
  image_url: ['image_url', 'image', 'input_image'],
  image: ['image', 'image_url', 'input_image'],
  video_url: ['video_url', 'video'],
  input_audio: ['input_audio', 'audio'],
  text: ['text', 'input_text']
}

function fromPartType(error: UnwrappedError, request: LocateRequest, messageIndex: number | null): Resolved | null {
  const named = error.names?.partType
  if (!named) return null
  const notIn = named.startsWith('not:') ? named.slice(4).split(',').filter(Boolean) : null
  const wanted = notIn ? null : (SAME_PART[named] ?? [named])
  const missing = error.names?.missingField ?? null
  const hit = (part: JsonRecord): boolean => {
    const type = str(part.type)
    if (type === null || (notIn ? notIn.includes(type) || STRUCTURAL.has(type) : !wanted!.includes(type))) return false
    return missing === null || part[missing] === undefined || part[missing] === null || part[missing] === ''
  }
  const order = messageIndex !== null ? [messageIndex] : request.messages.map((_, i) => i)
  for (const i of order) {
    const block = partIndex(request.messages[i], hit)
    if (block !== null) return { messageIndex: i, blockIndex: block, via: 'part-type' }
  }
  return null
}

/** Index of the first content part of that type (a tool_result holding it counts as the part). */
function partIndex(message: unknown, hit: (part: JsonRecord) => boolean): number | null {
  if (!isRecord(message) || !Array.isArray(message.content)) return null
  for (let k = 0; k < message.content.length; k++) {
    const part = message.content[k]
    if (!isRecord(part)) continue
    if (hit(part)) return k
    if (Array.isArray(part.content) && part.content.some((inner) => isRecord(inner) && hit(inner))) return k
  }
  return null
}

function fromRole(dialect: ErrorDialect | null, error: UnwrappedError, request: LocateRequest): Resolved | null {
  if (dialect?.roleGroup === undefined) return null
  const role = dialect.pattern.exec(`${error.message}\n${error.genericMessage ?? ''}`)?.[dialect.roleGroup]
  if (!role) return null
  const i = request.messages.findIndex((m) => isRecord(m) && m.role === role)
  return i === -1 ? null : { messageIndex: i, blockIndex: null, via: 'role' }
}
