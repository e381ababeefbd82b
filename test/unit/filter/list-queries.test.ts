// The lists as the core hands them out: filtered, sorted, cleared, errors-only, paged; body terms answered by
// the store search's results as they stream in, and searches nobody needs any more cancelled.
import { describe, expect, it } from 'vitest'
import { BodySearches, type SearchBackend, type SearchResults } from '../../../src/main/core/filter/body-searches'
import { ListQueries, type ExchangeQuery } from '../../../src/main/core/filter/list-queries'
import { ConversationList } from '../../../src/main/core/conversation-list'
import type { ExchangeRecord } from '../../../src/main/core/store/record'
import type { ExchangeSummary } from '../../../src/shared/types'

function ex(seq: number, over: Partial<ExchangeSummary> = {}): ExchangeSummary {
  return {
    id: `e${seq}`, seq, startedAt: '', method: 'POST', path: '/v1/chat/completions', upstreamUrl: '', mode: 'reverse', protocol: 'openai',
    model: 'mimo-v2.5', stream: false, state: 'completed', status: 200, error: null, durationMs: seq * 10, ttfbMs: null, requestSize: 100,
    responseSize: 50, usage: null, conversationId: `c${seq % 2}`, ...over
  }
}

const record = (s: ExchangeSummary): ExchangeRecord => ({ v: 1, summary: s, meta: { title: s.conversationId === 'c0' ? 'Weather in Paris' : 'Fix the build', messages: 2 }, request: { headers: [], body: null, bodyCut: false }, response: null })

function setup(rows: ExchangeSummary[], bodies: BodySearches | null = null) {
  const conversations = new ConversationList(rows.map(record))
  const pins = new Set<string>()
  const lists = new ListQueries({ summaries: () => rows, conversations, pins, bodies })
  const q = (over: Partial<ExchangeQuery> = {}) => lists.exchanges({ offset: 0, limit: 100, filter: '', sort: { key: 'time', dir: 'asc' }, since: 0, errorsOnly: false, bodies: false, ...over })
  return { lists, pins, q, conversations }
}

const ids = (page: { items: Array<{ id: string }> }): string[] => page.items.map((i) => i.id)

describe('exchange list queries', () => {
  const rows = [ex(1), ex(2, { status: 400 }), ex(3, { model: 'mimo-v2.5-pro', status: null, state: 'pending', durationMs: null }), ex(4, { status: 429 }), ex(5, { state: 'failed', status: null, error: 'ECONNREFUSED' })]

  it('filters, counts and reports problems', () => {
    const { q } = setup(rows)
    const page = q({ filter: 'status:4xx' })
    expect(ids(page)).toEqual(['e2', 'e4'])
    expect(page.total).toBe(2)
    expect(page.all).toBe(5)
    expect(q({ filter: 'status:nope' }).problems).toEqual([expect.stringMatching(/not a status/)])
    // Free text matches the conversation title.
    expect(ids(q({ filter: 'paris' }))).toEqual(['e2', 'e4'])
  })

  it('errors only: HTTP errors and transport failures', () => {
    expect(ids(setup(rows).q({ errorsOnly: true }))).toEqual(['e2', 'e4', 'e5'])
  })

  it('sorts with nulls last in either direction, ties in arrival order', () => {
    const { q } = setup(rows)
    expect(ids(q({ sort: { key: 'duration', dir: 'desc' } }))).toEqual(['e5', 'e4', 'e2', 'e1', 'e3'])
    expect(ids(q({ sort: { key: 'duration', dir: 'asc' } }))).toEqual(['e1', 'e2', 'e4', 'e5', 'e3'])
    expect(ids(q({ sort: { key: 'status', dir: 'asc' } }))).toEqual(['e1', 'e2', 'e4', 'e5', 'e3'])
    expect(ids(q({ sort: { key: 'time', dir: 'desc' } }))).toEqual(['e5', 'e4', 'e3', 'e2', 'e1'])
    expect(ids(q({ sort: { key: 'model', dir: 'desc' } }))[0]).toBe('e3')
  })

  it('sorts and filters by the client that sent it (unknown clients last)', () => {
    const client = (name: string, version: string | null) => ({ name, version, library: null, via: 'user-agent' })
    const { q } = setup([ex(1, { client: client('Qwen Code', '0.24.4') }), ex(2, { client: null }), ex(3, { client: client('OpenCode', '1.18.33') }), ex(4)])
    expect(ids(q({ sort: { key: 'client', dir: 'asc' } }))).toEqual(['e3', 'e1', 'e2', 'e4'])
    expect(ids(q({ filter: 'client:opencode' }))).toEqual(['e3'])
  })

  it('a conversation names the client of its latest own request; sorted and filtered by it', () => {
    const client = (name: string, version: string | null) => ({ name, version, library: null, via: 'user-agent' })
    // c1: OpenCode upgraded between its two requests; c0: nothing named its client.
    const { lists } = setup([ex(1, { client: client('OpenCode', '1.0.185') }), ex(2, { client: null }), ex(3, { client: client('OpenCode', '1.18.33') })])
    const page = (over: object) => lists.conversations({ offset: 0, limit: 100, filter: '', sort: { key: 'started', dir: 'asc' }, errorsOnly: false, bodies: false, ...over })
    const byId = Object.fromEntries(page({}).items.map((c) => [c.id, c.client]))
    expect(byId).toEqual({ c1: client('OpenCode', '1.18.33'), c0: null })
    expect(page({ sort: { key: 'client', dir: 'asc' } }).items.map((c) => c.id)).toEqual(['c1', 'c0'])
    expect(page({ filter: 'client:opencode' }).items.map((c) => c.id)).toEqual(['c1'])
  })

  it('"Clear" hides what came before, except pinned rows, which say so', () => {
    const { q, pins, lists } = setup(rows)
    expect(ids(q({ since: 4 }))).toEqual(['e4', 'e5'])
    pins.add('e2')
    lists.changed()
    const page = q({ since: 4 })
    expect(ids(page)).toEqual(['e2', 'e4', 'e5'])
    expect(page.items[0].pinned).toBe(true)
    expect(page.items[1].pinned).toBeUndefined()
    expect(ids(q({ filter: 'is:pinned' }))).toEqual(['e2'])
  })

  it('pages through one sorted view, and sees changes once told', () => {
    const live = [...rows]
    const { q, lists } = setup(live)
    expect(ids(q({ offset: 1, limit: 2, sort: { key: 'time', dir: 'desc' } }))).toEqual(['e4', 'e3'])
    expect(q({ errorsOnly: true }).total).toBe(3)
    live.push(ex(6, { status: 500 }))
    // Cached until told: the same view, same answer.
    expect(q({ errorsOnly: true }).total).toBe(3)
    lists.changed()
    expect(q({ errorsOnly: true }).total).toBe(4)
  })
})

describe('body terms', () => {
  function backend() {
    const started: string[] = []
    const cancelled: string[] = []
    const b: SearchBackend = {
      start: async (text) => {
        started.push(text)
        return `s-${text}`
      },
      cancel: async (id) => cancelled.push(id)
    }
    return { b, started, cancelled }
  }
  const results = (text: string, hitIds: string[], over: Partial<SearchResults> = {}): SearchResults => ({ searchId: `s-${text}`, hits: hitIds.map((id) => ({ id })), scanned: 2, total: 5, done: false, error: null, ...over })

  it('starts one search per text and filters by what it found so far', async () => {
    const { b, started } = backend()
    let changes = 0
    const rows = [ex(1), ex(2), ex(3)]
    const bodies = new BodySearches(b, (id) => rows.find((r) => r.id === id)?.conversationId ?? null, () => changes++)
    const { q, lists } = setup(rows, bodies)
    const first = q({ filter: 'body:Weather' })
    expect(first.total).toBe(0)
    expect(first.bodySearch).toMatchObject({ texts: ['Weather'], done: false })
    await Promise.resolve()
    expect(started).toEqual(['weather'])
    bodies.onResults(results('weather', ['e3']))
    expect(changes).toBe(1)
    lists.changed()
    expect(ids(q({ filter: 'body:weather' }))).toEqual(['e3'])
    bodies.onResults(results('weather', ['e1'], { done: true, scanned: 5 }))
    lists.changed()
    const done = q({ filter: 'body:weather' })
    expect(ids(done)).toEqual(['e1', 'e3'])
    expect(done.bodySearch).toMatchObject({ done: true, scanned: 5, total: 5 })
    // Free text with bodies on: metadata (e2's conversation is "Weather in Paris") or body.
    expect(ids(q({ filter: 'weather', bodies: true }))).toEqual(['e1', 'e2', 'e3'])
    expect(ids(q({ filter: 'weather' }))).toEqual(['e2'])
    expect(started).toEqual(['weather'])
    // Conversations with a request whose body matched.
    expect(lists.conversations({ offset: 0, limit: 10, filter: 'body:weather', sort: { key: 'started', dir: 'asc' }, errorsOnly: false, bodies: false }).items.map((c) => c.id)).toEqual(['c1'])
  })

  it('cancels a search the filter no longer needs while it runs, keeps finished ones', async () => {
    const { b, started, cancelled } = backend()
    const bodies = new BodySearches(b, () => null, () => undefined)
    bodies.ensure(['alpha'])
    await Promise.resolve()
    bodies.onResults(results('alpha', [], { done: true }))
    bodies.ensure(['beta'])
    await Promise.resolve()
    bodies.ensure(['gamma'])
    await Promise.resolve()
    expect(cancelled).toEqual(['s-beta'])
    bodies.ensure(['alpha'])
    // Finished: answered from memory, not searched again.
    expect(started).toEqual(['alpha', 'beta', 'gamma'])
  })

  it('names the running searches for a Stop; a stopped one keeps its rows and runs again when its text comes back', async () => {
    const { b, started } = backend()
    const bodies = new BodySearches(b, () => null, () => undefined)
    bodies.ensure(['alpha'])
    await Promise.resolve()
    expect(bodies.ensure(['alpha'])).toMatchObject({ searchIds: ['s-alpha'], cancelled: false, done: false })
    bodies.onResults(results('alpha', ['e1'], { done: true, cancelled: true }))
    const stopped = bodies.ensure(['alpha'])
    expect(stopped).toMatchObject({ searchIds: [], cancelled: true, done: true })
    expect(bodies.exchangeHas('alpha', 'e1')).toBe(true)
    // Still wanted: not restarted behind the user's back.
    expect(started).toEqual(['alpha'])
    bodies.ensure(['beta'])
    bodies.ensure(['alpha'])
    expect(started).toEqual(['alpha', 'beta', 'alpha'])
  })

  it('a search that cannot start is a problem, not a silent empty list', async () => {
    const bodies = new BodySearches({ start: async () => Promise.reject(new Error('store closed')), cancel: async () => undefined }, () => null, () => undefined)
    const { q, lists } = setup([ex(1)], bodies)
    q({ filter: 'body:x' })
    await new Promise((r) => setTimeout(r, 0))
    lists.changed()
    expect(q({ filter: 'body:x' }).problems).toEqual(['body search failed: store closed'])
  })
})
