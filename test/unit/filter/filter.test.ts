// The filter language, term by term, on exchange and conversation summaries.
import { describe, expect, it } from 'vitest'
import { bodyTexts, parseFilter } from '../../../src/main/core/filter/parse-filter'
import { matchesConversation, matchesExchange } from '../../../src/main/core/filter/match-filter'
import type { ConversationSummary, ExchangeSummary } from '../../../src/shared/types'

function ex(over: Partial<ExchangeSummary> & Record<string, unknown> = {}): ExchangeSummary {
  return {
    id: 'ab12cd34-0000', seq: 1, startedAt: '2026-12-05T10:00:00Z', method: 'POST', path: '/anthropic/v1/messages?beta=true',
    upstreamUrl: 'https://api.xiaomimimo.com/anthropic/v1/messages?beta=true', mode: 'reverse', protocol: 'anthropic', model: 'mimo-v2.5-pro',
    stream: true, state: 'completed', status: 200, error: null, bodyError: null, durationMs: 10, ttfbMs: 5, requestSize: 2048, responseSize: 1024,
    usage: null, conversationId: 'c-ab12cd34-0000', ...over
  } as ExchangeSummary
}

const conv = (over: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id: 'c-1', title: 'Fix the failing test', protocol: 'anthropic', model: 'mimo-v2.5-pro', forkOf: null, forkAt: null, requests: 3, turns: 5,
  firstSeq: 1, lastSeq: 3, startedAt: '', lastAt: '', inputTokens: 10, outputTokens: 5, errors: 1, endedInError: true, lastStatus: 400,
  sessionId: null, thread: null, sessionThreads: 1, sessionStartSeq: 1, replays: 0, lastReplayStatus: null, lastReplayFailed: null, ...over
})

const keep = (filter: string, s: ExchangeSummary, title?: string): boolean => matchesExchange(parseFilter(filter), s, title)

describe('filter terms on exchanges', () => {
  it('free text: path, model, status, error text, conversation title', () => {
    expect(keep('messages', ex())).toBe(true)
    expect(keep('V2.5-PRO', ex())).toBe(true)
    expect(keep('chat/completions', ex())).toBe(false)
    expect(keep('ENOTFOUND', ex({ error: 'getaddrinfo ENOTFOUND x' }))).toBe(true)
    expect(keep('failing', ex(), 'Fix the failing test')).toBe(true)
  })

  it('status: exact, class, comparison, range, list', () => {
    expect(keep('status:400', ex({ status: 400 }))).toBe(true)
    expect(keep('status:400', ex({ status: 429 }))).toBe(false)
    expect(keep('status:4xx', ex({ status: 429 }))).toBe(true)
    expect(keep('status:4xx', ex({ status: 500 }))).toBe(false)
    expect(keep('status:>=500', ex({ status: 503 }))).toBe(true)
    expect(keep('status:400-428', ex({ status: 429 }))).toBe(false)
    expect(keep('status:429,503', ex({ status: 503 }))).toBe(true)
    expect(keep('status:4xx', ex({ status: null, state: 'pending' }))).toBe(false)
    expect(keep('status-code:200', ex())).toBe(true)
  })

  it('method, path (with wildcards), model, id, mode, stream', () => {
    expect(keep('method:post', ex())).toBe(true)
    expect(keep('method:GET', ex())).toBe(false)
    expect(keep('path:/v1/chat/*', ex({ path: '/v1/chat/completions' }))).toBe(true)
    expect(keep('path:/v1/chat/*', ex())).toBe(false)
    expect(keep('model:mimo-v2*', ex())).toBe(true)
    expect(keep('model:flash', ex())).toBe(false)
    expect(keep('id:ab12', ex())).toBe(true)
    expect(keep('mode:mitm', ex())).toBe(false)
    expect(keep('stream:no', ex())).toBe(false)
    expect(keep('stream:yes', ex())).toBe(true)
  })

  it('has:error covers an HTTP error, a transport failure and an error inside a 200 stream', () => {
    expect(keep('has:error', ex())).toBe(false)
    expect(keep('has:error', ex({ status: 400 }))).toBe(true)
    expect(keep('has:error', ex({ status: null, state: 'failed', error: 'ECONNREFUSED' }))).toBe(true)
    expect(keep('has:error', ex({ bodyError: 'overloaded' }))).toBe(true)
    expect(keep('has:usage', ex({ usage: { inputTokens: 1, outputTokens: 1, cacheReadTokens: null, reasoningTokens: null } }))).toBe(true)
  })

  it('is: state and origin', () => {
    expect(keep('is:running', ex({ state: 'streaming' }))).toBe(true)
    expect(keep('is:running', ex())).toBe(false)
    expect(keep('is:replay', ex({ mode: 'replay' }))).toBe(true)
    expect(keep('is:captured', ex({ mode: 'mitm' }))).toBe(true)
    expect(keep('is:aborted', ex({ state: 'aborted' }))).toBe(true)
  })

  it('conversation: id prefix or title words', () => {
    expect(keep('conversation:c-ab12', ex())).toBe(true)
    expect(keep('conversation:c-zz', ex())).toBe(false)
    expect(keep('conversation:failing', ex(), 'Fix the failing test')).toBe(true)
  })

  it('larger-than with units', () => {
    expect(keep('larger-than:3k', ex())).toBe(false)
    expect(keep('larger-than:2k', ex())).toBe(true)
    expect(keep('larger-than:1M', ex({ requestSize: 5 * 1024 * 1024 }))).toBe(true)
  })

  it('provider and client, when the exchange names them', () => {
    expect(keep('provider:deepseek', ex({ provider: 'deepseek' }))).toBe(true)
    expect(keep('provider:deepseek', ex())).toBe(false)
    expect(keep('client:opencode', ex({ client: { name: 'OpenCode', version: null, library: null, via: 'user-agent' } }))).toBe(true)
  })

  it('negation and AND of several terms', () => {
    expect(keep('-method:POST', ex())).toBe(false)
    expect(keep('-status:2xx', ex({ status: 400 }))).toBe(true)
    expect(keep('status:4xx -status:429 model:pro', ex({ status: 400 }))).toBe(true)
    expect(keep('status:4xx -status:429 model:pro', ex({ status: 429 }))).toBe(false)
    expect(keep('-messages', ex())).toBe(false)
  })

  it('has:thinking reads the recorded flag; is:pinned the pins handed in or the summary', () => {
    expect(keep('has:thinking', ex({ thinking: true }))).toBe(true)
    expect(keep('has:thinking', ex())).toBe(false)
    expect(keep('-has:thinking', ex())).toBe(true)
    expect(matchesExchange(parseFilter('is:pinned'), ex(), { pinned: (id) => id === 'ab12cd34-0000' })).toBe(true)
    expect(matchesExchange(parseFilter('is:pinned'), ex(), { pinned: () => false })).toBe(false)
    expect(keep('is:pinned', ex({ pinned: true }))).toBe(true)
  })

  it('body: asks the body test; free text does too when bodies are on', () => {
    const inBody = (text: string, id: string): boolean => text === 'weather' && id === 'ab12cd34-0000'
    expect(matchesExchange(parseFilter('body:weather'), ex(), { bodyHas: inBody })).toBe(true)
    expect(matchesExchange(parseFilter('body:rain'), ex(), { bodyHas: inBody })).toBe(false)
    expect(matchesExchange(parseFilter('-body:weather'), ex(), { bodyHas: inBody })).toBe(false)
    // No body test (nothing searched): a body term matches nothing.
    expect(keep('body:weather', ex())).toBe(false)
    expect(matchesExchange(parseFilter('weather'), ex(), { bodyHas: inBody })).toBe(false)
    expect(matchesExchange(parseFilter('weather'), ex(), { bodyHas: inBody, freeTextInBodies: true })).toBe(true)
    expect(bodyTexts(parseFilter('body:"a b" status:4xx free'), false)).toEqual(['a b'])
    expect(bodyTexts(parseFilter('body:"a b" status:4xx free'), true)).toEqual(['a b', 'free'])
  })

  it('quoted values and an empty filter', () => {
    expect(keep('path:"/anthropic/v1/messages?beta=true"', ex())).toBe(true)
    expect(keep('"v1/messages?beta"', ex())).toBe(true)
    expect(keep('', ex())).toBe(true)
    expect(keep('   ', ex())).toBe(true)
  })
})

describe('filter problems', () => {
  it('says what it could not read, and searches an unknown key as text', () => {
    const f = parseFilter('status:abc has:nothing larger-than:big stream:maybe foo:bar method:')
    expect(f.problems).toHaveLength(6)
    expect(f.problems[0]).toMatch(/status:abc is not a status/)
    expect(f.problems[4]).toMatch(/"foo:" is not a filter key/)
    expect(f.terms).toEqual([{ kind: 'text', value: 'foo:bar', negate: false }])
  })
})

describe('filter terms on conversations', () => {
  it('title text, status of the last request, has:error, is:failed, is:fork, model', () => {
    const c = conv()
    const keepC = (q: string, x = c): boolean => matchesConversation(parseFilter(q), x)
    expect(keepC('failing')).toBe(true)
    expect(keepC('status:400')).toBe(true)
    expect(keepC('status:2xx')).toBe(false)
    expect(keepC('has:error')).toBe(true)
    expect(keepC('has:error', conv({ errors: 0, endedInError: false }))).toBe(false)
    expect(keepC('is:failed')).toBe(true)
    expect(keepC('is:fork')).toBe(false)
    expect(keepC('is:fork', conv({ forkOf: 'c-0', forkAt: 2 }))).toBe(true)
    expect(keepC('model:flash')).toBe(false)
    expect(keepC('method:GET')).toBe(true) // a request term does not narrow conversations
    expect(matchesConversation(parseFilter('body:weather'), c, { bodyHas: (_t, id) => id === 'c-1' })).toBe(true)
    expect(matchesConversation(parseFilter('body:weather'), c, { bodyHas: () => false })).toBe(false)
  })
})
