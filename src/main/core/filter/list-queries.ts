// The exchange and conversation lists as the UI asks for them: filtered (the filter language, errors-only, the
// "Clear" mark), sorted, one page at a time. Summaries only, never a body: body terms read the store search's
// results so far. The last answer is kept until anything changes, so paging through one view sorts once.
import { clientLabel } from '../../../shared/client-label'
import type { ConversationSortKey, ExchangeSortKey, SortDir } from '../../../shared/list-query'
import type { BodySearchState, ClientInfo, ConversationPage, ConversationSummary, ExchangeSummary, ListPage } from '../../../shared/types'
import { failed, type ConversationList } from '../conversation-list'
import type { BodySearches } from './body-searches'
import { matchesConversation, matchesExchange, type MatchContext } from './match-filter'
import { bodyTexts, parseFilter } from './parse-filter'

export interface ExchangeQuery {
  offset: number
  limit: number
  filter: string
  sort: { key: ExchangeSortKey; dir: SortDir }
  /** Hide exchanges before this seq (pinned ones stay). */
  since: number
  errorsOnly: boolean
  /** Free text searches bodies too. */
  bodies: boolean
}

export interface ConversationQuery {
  offset: number
  limit: number
  filter: string
  sort: { key: ConversationSortKey; dir: SortDir }
  errorsOnly: boolean
  bodies: boolean
}

export interface ListQueryDeps {
  summaries(): ExchangeSummary[]
  conversations: ConversationList
  pins: ReadonlySet<string>
  bodies: BodySearches | null
}

interface View<T> {
  key: string
  version: number
  rows: T[]
  all: number
  problems: string[]
  bodySearch: BodySearchState | null
}

export class ListQueries {
  private version = 0
  private exchangeView: View<ExchangeSummary> | null = null
  private conversationView: View<ConversationSummary> | null = null

  constructor(private readonly deps: ListQueryDeps) {}

  /** Something a list shows changed (an exchange, a pin, a deletion, body search results). */
  changed(): void {
    this.version++
  }

  exchanges(q: ExchangeQuery): ListPage {
    const key = JSON.stringify([q.filter, q.sort, q.since, q.errorsOnly, q.bodies])
    let view = this.exchangeView
    if (!view || view.key !== key || view.version !== this.version) view = this.exchangeView = this.buildExchanges(q, key)
    const pins = this.deps.pins
    const items = view.rows.slice(q.offset, q.offset + q.limit).map((s) => (pins.has(s.id) ? { ...s, pinned: true } : s))
    return { total: view.rows.length, offset: q.offset, items, all: view.all, problems: view.problems, bodySearch: view.bodySearch }
  }

  conversations(q: ConversationQuery): ConversationPage {
    const key = JSON.stringify([q.filter, q.sort, q.errorsOnly, q.bodies])
    let view = this.conversationView
    if (!view || view.key !== key || view.version !== this.version) view = this.conversationView = this.buildConversations(q, key)
    return { total: view.rows.length, offset: q.offset, items: view.rows.slice(q.offset, q.offset + q.limit), all: view.all, problems: view.problems, bodySearch: view.bodySearch }
  }

  private buildExchanges(q: ExchangeQuery, key: string): View<ExchangeSummary> {
    const all = this.deps.summaries()
    const filter = parseFilter(q.filter)
    const bodySearch = this.bodySearch(bodyTexts(filter, q.bodies))
    const { pins, conversations } = this.deps
    const ctx: MatchContext = { pinned: (id) => pins.has(id), freeTextInBodies: q.bodies, bodyHas: (text, id) => !!this.deps.bodies?.exchangeHas(text, id) }
    const everything = filter.terms.length === 0 && q.since === 0 && !q.errorsOnly
    let rows = everything
      ? all
      : all.filter((s) => {
          if (s.seq < q.since && !pins.has(s.id)) return false
          if (q.errorsOnly && !failed(s)) return false
          if (filter.terms.length === 0) return true
          ctx.conversationTitle = s.conversationId ? (conversations.get(s.conversationId)?.title ?? null) : null
          return matchesExchange(filter, s, ctx)
        })
    if (!(q.sort.key === 'time' && q.sort.dir === 'asc')) rows = sortBy(rows, EXCHANGE_SORT[q.sort.key], q.sort.dir, (s) => s.seq)
    return { key, version: this.version, rows, all: all.length, problems: this.problems(filter.problems, bodySearch), bodySearch }
  }

  private buildConversations(q: ConversationQuery, key: string): View<ConversationSummary> {
    const all = this.deps.conversations.all()
    const filter = parseFilter(q.filter)
    const bodySearch = this.bodySearch(bodyTexts(filter, q.bodies))
    const ctx: MatchContext = { freeTextInBodies: q.bodies, bodyHas: (text, id) => !!this.deps.bodies?.conversationHas(text, id) }
    let rows = filter.terms.length === 0 && !q.errorsOnly ? all : all.filter((c) => (!q.errorsOnly || c.errors > 0) && matchesConversation(filter, c, ctx))
    if (!(q.sort.key === 'started' && q.sort.dir === 'asc')) rows = sortBy(rows, CONVERSATION_SORT[q.sort.key], q.sort.dir, (c) => c.firstSeq)
    return { key, version: this.version, rows, all: all.length, problems: this.problems(filter.problems, bodySearch), bodySearch }
  }

  private bodySearch(texts: string[]): BodySearchState | null {
    if (texts.length === 0) return null
    if (!this.deps.bodies) return { texts, scanned: 0, total: 0, done: true, error: 'body search is not available in this build' }
    return this.deps.bodies.ensure(texts)
  }

  private problems(parse: string[], search: BodySearchState | null): string[] {
    return search?.error ? [...parse, `body search failed: ${search.error}`] : parse
  }
}

type SortValue = number | string | null

/** Nulls (no status yet, no model) go last whichever the direction; ties keep arrival order. */
function sortBy<T>(rows: readonly T[], value: (row: T) => SortValue, dir: SortDir, arrival: (row: T) => number): T[] {
  const sign = dir === 'asc' ? 1 : -1
  const keyed = rows.map((row) => ({ row, v: value(row), seq: arrival(row) }))
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) return a.v === b.v ? a.seq - b.seq : a.v === null ? 1 : -1
    if (a.v !== b.v) return (a.v < b.v ? -1 : 1) * sign
    return (a.seq - b.seq) * sign
  })
  return keyed.map((k) => k.row)
}

const lower = (s: string | null | undefined): string | null => (s ? s.toLowerCase() : null)
const tokens = (u: ExchangeSummary['usage']): number | null => (u ? (u.inputTokens ?? 0) + (u.outputTokens ?? 0) : null)

const EXCHANGE_SORT: Record<ExchangeSortKey, (s: ExchangeSummary) => SortValue> = {
  time: (s) => s.seq,
  method: (s) => s.method,
  path: (s) => s.path,
  model: (s) => lower(s.model),
  provider: (s) => (s.provider && s.provider !== 'unknown' ? s.provider : null),
  stream: (s) => (s.stream ? 1 : 0),
  // A transport failure sorts with the errors, after every HTTP status; in flight ones last.
  status: (s) => s.status ?? (s.state === 'failed' || s.state === 'aborted' ? 1000 : null),
  duration: (s) => s.durationMs,
  ttfb: (s) => s.ttfbMs,
  req: (s) => s.requestSize,
  res: (s) => (s.state === 'pending' ? null : s.responseSize),
  tokens: (s) => tokens(s.usage),
  client: (s) => clientKey(s.client)
}

const CONVERSATION_SORT: Record<ConversationSortKey, (c: ConversationSummary) => SortValue> = {
  started: (c) => c.firstSeq,
  last: (c) => c.lastSeq,
  title: (c) => lower(c.title),
  model: (c) => lower(c.model),
  requests: (c) => c.requests,
  turns: (c) => c.turns,
  tokens: (c) => c.inputTokens + c.outputTokens,
  errors: (c) => c.errors,
  client: (c) => clientKey(c.client)
}

function clientKey(client: ClientInfo | null | undefined): string | null {
  return client ? lower(clientLabel(client)) : null
}
