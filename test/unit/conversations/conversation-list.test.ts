// The conversation list folded from records: a session's threads (main, title, side) sort together; an older
// record without session info gets its session from its stored headers; status and errors follow the agent's
// own traffic, never replays or imported copies.
import { describe, expect, it } from 'vitest'
import { ConversationList } from '../../../src/main/core/conversation-list'
import type { ExchangeRecord } from '../../../src/main/core/store/record'
import type { CaptureMode, ExchangeSummary } from '../../../src/shared/types'

let seq = 0
function record(conversationId: string, opts: { session?: string | null; legacyHeader?: string; status?: number; mode?: CaptureMode; kind?: 'title'; title?: string; duplicateOf?: string } = {}): ExchangeRecord {
  seq++
  const summary: ExchangeSummary = {
    id: `e${seq}`, seq, startedAt: `2026-12-05T10:00:${String(seq).padStart(2, '0')}.000Z`, method: 'POST', path: '/anthropic/v1/messages', upstreamUrl: 'http://x/anthropic/v1/messages',
    mode: opts.mode ?? 'reverse', protocol: 'anthropic', model: 'mimo-v2.5-pro', stream: true, state: 'completed', status: opts.status ?? 200, error: null,
    durationMs: 1, ttfbMs: 1, requestSize: 10, responseSize: 10, usage: null, conversationId,
    ...(opts.session !== undefined ? { sessionId: opts.session } : {}),
    ...(opts.duplicateOf ? { duplicateOf: opts.duplicateOf } : {})
  }
  return {
    v: 1,
    summary,
    meta: { title: opts.title ?? 'Fix the test', messages: 1, ...(opts.kind ? { kind: opts.kind } : {}) },
    ...(opts.session !== undefined ? { session: opts.session ? { id: opts.session, source: 'x-session-id' } : null } : {}),
    request: { headers: opts.legacyHeader ? [['X-Claude-Code-Session-Id', opts.legacyHeader]] : [], body: null, bodyCut: false },
    response: null
  } as ExchangeRecord
}

describe('ConversationList', () => {
  it('groups a session: main thread first, then side threads and title requests; sessions by their first request', () => {
    const list = new ConversationList([
      record('c-title-a', { session: 'A', kind: 'title' }),
      record('c-main-a', { session: 'A' }),
      record('c-plain'),
      record('c-main-a', { session: 'A' }),
      record('c-side-a', { session: 'A' }),
      record('c-main-b', { session: 'B' })
    ].map((r) => (r.summary.sessionId === undefined ? { ...r, summary: { ...r.summary, sessionId: null }, session: null } : r)))
    expect(list.all().map((c) => [c.id, c.thread, c.sessionThreads])).toEqual([
      ['c-main-a', 'main', 3],
      ['c-side-a', 'side', 3],
      ['c-title-a', 'title', 3],
      ['c-plain', null, 1],
      ['c-main-b', 'main', 1]
    ])
    expect(list.sessionThreads('A').map((c) => c.id)).toEqual(['c-main-a', 'c-side-a', 'c-title-a'])
  })

  it('a side thread that outgrows the main one becomes the main thread, and every thread of the session is re-sent', () => {
    const list = new ConversationList([record('c-1', { session: 'S' }), record('c-2', { session: 'S' })])
    expect(list.get('c-1')?.thread).toBe('main')
    const changed = list.apply(record('c-2', { session: 'S' }))
    expect(changed.map((c) => [c.id, c.thread]).sort()).toEqual([['c-1', 'side'], ['c-2', 'main']])
  })

  it('an older record (no session field) gets its session from its stored headers', () => {
    const list = new ConversationList([record('c-old', { legacyHeader: 'legacy-uuid' }), record('c-old-title', { legacyHeader: 'legacy-uuid', kind: 'title' })])
    expect(list.get('c-old')).toMatchObject({ sessionId: 'legacy-uuid', thread: 'main', sessionThreads: 2 })
  })

  it('status follows the agent: a replay is a branch, an imported copy is no new failure; an imported session counts its own', () => {
    const list = new ConversationList([
      record('c', { session: null, status: 200 }),
      record('c', { session: null, status: 400 }),
      record('c', { session: null, status: 200, mode: 'replay' }),
      record('c', { session: null, status: 400, mode: 'import', duplicateOf: 'e2' })
    ])
    expect(list.get('c')).toMatchObject({ endedInError: true, lastStatus: 400, errors: 1, requests: 4, replays: 1, lastReplayStatus: 200, lastReplayFailed: false })
    const imported = new ConversationList([record('i', { session: null, status: 200, mode: 'import' }), record('i', { session: null, status: 400, mode: 'import' })])
    expect(imported.get('i')).toMatchObject({ endedInError: true, errors: 1, lastStatus: 400 })
  })
})
