// Whether an exchange or a conversation passes a parsed filter. Pure and cheap (no body is read), so the
// list can be filtered on every keystroke over tens of thousands of rows.
import type { ConversationSummary, ExchangeSummary } from '../../../shared/types'
import { failed } from '../conversation-list'
import { parseSize, parseStatus, type FilterTerm, type ParsedFilter } from './parse-filter'

/** Fields some exchanges carry that other parts of the product add (provider, client); read if present. */
type Extra = { provider?: string | null; client?: { name?: string | null } | null; replayOf?: string | null; pinned?: boolean }

/** What a term may need beyond the summary. Bodies are never read here: a body test is handed in. */
export interface MatchContext {
  conversationTitle?: string | null
  pinned?: (id: string) => boolean
  /**
   * Whether the body of an exchange (or, for conversations, of one of its requests) holds the text: the store's
   * search results so far for the list, the request's own bytes for a live request. Without it `body:` matches nothing.
   */
  bodyHas?: (text: string, id: string) => boolean
  /** Free text matches bodies too (the filter bar's "bodies" toggle). */
  freeTextInBodies?: boolean
}

export function matchesExchange(filter: ParsedFilter, s: ExchangeSummary, context?: string | null | MatchContext): boolean {
  const ctx: MatchContext = typeof context === 'object' && context !== null ? context : { conversationTitle: context ?? null }
  return filter.terms.every((t) => exchangeTerm(t, s as ExchangeSummary & Extra, ctx) !== t.negate)
}

export function matchesConversation(filter: ParsedFilter, c: ConversationSummary, ctx: MatchContext = {}): boolean {
  return filter.terms.every((t) => conversationTerm(t, c, ctx) !== t.negate)
}

function exchangeTerm(t: FilterTerm, s: ExchangeSummary & Extra, ctx: MatchContext): boolean {
  const title = ctx.conversationTitle ?? null
  if (t.kind === 'text') {
    const meta = textIn(t.value, [s.path, s.model, s.method, s.status === null ? null : String(s.status), s.error, s.bodyError, s.upstreamUrl, title, s.provider ?? null, s.client?.name ?? null])
    return meta || (!!ctx.freeTextInBodies && !!ctx.bodyHas?.(t.value, s.id))
  }
  const v = t.value.toLowerCase()
  switch (t.key) {
    case 'body':
      return !!ctx.bodyHas?.(t.value, s.id)
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
      return v === 'error' ? failed(s) : v === 'response' ? s.status !== null : v === 'usage' ? s.usage !== null : v === 'thinking' ? !!s.thinking : !!s.bodyError
    case 'is':
      return v === 'pinned' ? (ctx.pinned?.(s.id) ?? !!s.pinned) : isState(v, s)
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

function conversationTerm(t: FilterTerm, c: ConversationSummary, ctx: MatchContext): boolean {
  if (t.kind === 'text') return textIn(t.value, [c.title, c.model, c.id]) || (!!ctx.freeTextInBodies && !!ctx.bodyHas?.(t.value, c.id))
  const v = t.value.toLowerCase()
  switch (t.key) {
    case 'body':
      return !!ctx.bodyHas?.(t.value, c.id)
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
