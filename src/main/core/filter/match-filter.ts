// Whether an exchange or a conversation passes a parsed filter. Pure and cheap (no body is read), so the
// list can be filtered on every keystroke over tens of thousands of rows.
import type { ConversationSummary, ExchangeSummary } from '../../../shared/types'
import { failed } from '../conversation-list'
import { parseSize, parseStatus, type FilterTerm, type ParsedFilter } from './parse-filter'

/** Fields some exchanges carry that other parts of the product add (provider, client); read if present. */
type Extra = { provider?: string | null; client?: { name?: string | null } | null; replayOf?: string | null; pinned?: boolean }

export function matchesExchange(filter: ParsedFilter, s: ExchangeSummary, conversationTitle?: string | null): boolean {
  return filter.terms.every((t) => exchangeTerm(t, s as ExchangeSummary & Extra, conversationTitle ?? null) !== t.negate)
}

export function matchesConversation(filter: ParsedFilter, c: ConversationSummary): boolean {
  return filter.terms.every((t) => conversationTerm(t, c) !== t.negate)
}

function exchangeTerm(t: FilterTerm, s: ExchangeSummary & Extra, title: string | null): boolean {
  if (t.kind === 'text') return textIn(t.value, [s.path, s.model, s.method, s.status === null ? null : String(s.status), s.error, s.bodyError, s.upstreamUrl, title, s.provider ?? null, s.client?.name ?? null])
  const v = t.value.toLowerCase()
  switch (t.key) {
    case 'status':
      return parseStatus(v)?.(s.status) ?? false
    case 'method':
      return s.method.toLowerCase() === v
    case 'path':
      return wildcard(v, s.path) || wildcard(v, s.upstreamUrl)
    case 'model':
      return wildcard(v, s.model)
    case 'provider':
      return wildcard(v, s.provider ?? null)
    case 'client':
      return wildcard(v, s.client?.name ?? null)
    case 'conversation':
      return (s.conversationId !== null && (s.conversationId === t.value || s.conversationId.startsWith(t.value))) || wildcard(v, title)
    case 'id':
      return s.id.startsWith(t.value)
    case 'has':
      return v === 'error' ? failed(s) : v === 'response' ? s.status !== null : v === 'usage' ? s.usage !== null : !!s.bodyError
    case 'is':
      return isState(v, s)
    case 'stream':
      return s.stream === (v === 'yes' || v === 'true')
    case 'mode':
      return s.mode === v
    case 'larger-than':
      return s.requestSize + s.responseSize > (parseSize(v) ?? Infinity)
  }
}

function isState(v: string, s: ExchangeSummary & Extra): boolean {
  if (v === 'running') return s.state === 'pending' || s.state === 'streaming'
  if (v === 'replay' || v === 'import') return s.mode === v
  if (v === 'captured') return s.mode === 'reverse' || s.mode === 'mitm'
  if (v === 'fork') return false
  return s.state === v
}

function conversationTerm(t: FilterTerm, c: ConversationSummary): boolean {
  if (t.kind === 'text') return textIn(t.value, [c.title, c.model, c.id])
  const v = t.value.toLowerCase()
  switch (t.key) {
    case 'status':
      return parseStatus(v)?.(c.lastStatus) ?? false
    case 'model':
      return wildcard(v, c.model)
    case 'conversation':
    case 'id':
      return c.id.startsWith(t.value) || wildcard(v, c.title)
    case 'has':
      return v === 'error' ? c.errors > 0 : v === 'usage' ? c.inputTokens + c.outputTokens > 0 : v === 'response' ? c.lastStatus !== null : false
    case 'is':
      return v === 'failed' ? c.endedInError : v === 'fork' ? c.forkOf !== null : false
    case 'provider':
      return wildcard(v, (c as ConversationSummary & { provider?: string | null }).provider ?? null)
    case 'client':
      return wildcard(v, (c as ConversationSummary & Extra).client?.name ?? null)
    // Terms about single requests do not narrow conversations.
    case 'method':
    case 'path':
    case 'stream':
    case 'mode':
    case 'larger-than':
      return true
  }
}

function textIn(needle: string, haystack: Array<string | null | undefined>): boolean {
  const n = needle.toLowerCase()
  return haystack.some((h) => h !== null && h !== undefined && h.toLowerCase().includes(n))
}

/** `*` matches anything; without one, a case-insensitive substring match. */
function wildcard(pattern: string, value: string | null): boolean {
  if (value === null) return false
  const v = value.toLowerCase()
  if (!pattern.includes('*')) return v.includes(pattern)
  const re = new RegExp('^' + pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$')
  return re.test(v)
}
