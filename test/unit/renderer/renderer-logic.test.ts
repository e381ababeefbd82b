import { describe, expect, it } from 'vitest'
import type { ExchangeSummary, ListPage } from '../../../src/shared/types'
import { backoffDelay } from '../../../src/renderer/src/api/backoff'
import { applyPage, applyUpserts, emptyList, indexOfId, newerSummary } from '../../../src/renderer/src/store/exchange-list'
import { prettyJsonLines } from '../../../src/renderer/src/lib/json-lines'
import { bigJsonText } from '../../scenarios/big-bodies'
import { tokenizeJsonLine } from '../../../src/renderer/src/lib/json-tokens'
import { locateRow, wrapRows } from '../../../src/renderer/src/lib/wrap'

function ex(seq: number, over: Partial<ExchangeSummary> = {}): ExchangeSummary {
  return {
    id: `e${seq}`,
    seq,
    startedAt: '2026-05-14T08:00:00.000Z',
    method: 'POST',
    path: '/v1/chat/completions',
    upstreamUrl: 'https://api.xiaomimimo.com/v1/chat/completions',
    mode: 'reverse',
    protocol: 'openai',
    model: 'mimo-v2-flash',
    stream: true,
    state: 'completed',
    status: 200,
    error: null,
    durationMs: 10,
    ttfbMs: 5,
    requestSize: 100,
    responseSize: 200,
    usage: null,
    conversationId: null,
    ...over
  }
}

const page = (total: number, offset: number, seqs: number[]): ListPage => ({ total, offset, items: seqs.map((s) => ex(s)) })
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i)

describe('list reconciliation', () => {
  it('places a tail snapshot at its offsets and leaves older pages unloaded', () => {
    const s = applyPage(emptyList(), page(1000, 500, range(500, 1000)), true)
    expect(s.slots.length).toBe(1000)
    expect(s.slots[499]).toBeUndefined()
    expect(s.slots[500]).toBe('e500')
    expect(s.tailStart).toBe(500)
  })

  it('appends new exchanges after the tail and updates known ones in place', () => {
    let s = applyPage(emptyList(), page(3, 0, [1, 2, 3]), true)
    s = applyUpserts(s, [ex(4, { state: 'pending', status: null }), ex(2, { status: 400 })])
    expect(s.slots).toEqual(['e1', 'e2', 'e3', 'e4'])
    expect(s.byId.get('e2')?.status).toBe(400)
    expect(s.byId.get('e4')?.state).toBe('pending')
  })

  it('events that raced the snapshot are not duplicated', () => {
    let s = applyPage(emptyList(), page(3, 0, [1, 2, 3]), true)
    // e3 was created before the snapshot was computed; its event arrives after.
    s = applyUpserts(s, [ex(3, { state: 'pending', status: null, responseSize: 0 })])
    expect(s.slots).toEqual(['e1', 'e2', 'e3'])
    // The older pending snapshot does not replace the completed one.
    expect(s.byId.get('e3')?.state).toBe('completed')
  })

  it('puts out-of-order new exchanges in seq order within the tail', () => {
    let s = applyPage(emptyList(), page(2, 0, [1, 2]), true)
    s = applyUpserts(s, [ex(5)])
    s = applyUpserts(s, [ex(4)])
    s = applyUpserts(s, [ex(3)])
    expect(s.slots).toEqual(['e1', 'e2', 'e3', 'e4', 'e5'])
  })

  it('does not guess a slot for an unknown exchange older than the loaded tail', () => {
    let s = applyPage(emptyList(), page(1000, 500, range(500, 1000)), true)
    s = applyUpserts(s, [ex(10, { status: 500 })])
    expect(s.slots.length).toBe(1000)
    expect(indexOfId(s.slots, 'e10')).toBe(-1)
    // When its page loads it shows the newest known state.
    s = applyPage(s, page(1000, 0, range(0, 500)))
    expect(s.slots[10]).toBe('e10')
    expect(s.tailStart).toBe(0)
  })

  it('a later tail reload (resync) drops rows after it and keeps earlier pages', () => {
    let s = applyPage(emptyList(), page(4, 0, [1, 2, 3, 4]), true)
    s = applyUpserts(s, [ex(6)]) // seq 5 was missed while disconnected
    s = applyPage(s, page(6, 2, [3, 4, 5, 6]), true)
    expect(s.slots).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6'])
  })

  it('newerSummary prefers the further stage, then more bytes', () => {
    expect(newerSummary(ex(1, { state: 'completed' }), ex(1, { state: 'streaming' })).state).toBe('completed')
    expect(newerSummary(ex(1, { state: 'streaming', responseSize: 10 }), ex(1, { state: 'streaming', responseSize: 5 })).responseSize).toBe(10)
  })
})

describe('prettyJsonLines', () => {
  it('re-indents without changing tokens', () => {
    const { lines, ok } = prettyJsonLines('{"a":1.50,"b":[],"c":{"d":"x\\"y","e":[true,null]},"big":12345678901234567890}')
    expect(ok).toBe(true)
    expect(lines).toEqual([
      '{',
      '  "a": 1.50,',
      '  "b": [],',
      '  "c": {',
      '    "d": "x\\"y",',
      '    "e": [',
      '      true,',
      '      null',
      '    ]',
      '  },',
      '  "big": 12345678901234567890',
      '}'
    ])
  })

  it('flags text that is not JSON', () => {
    expect(prettyJsonLines('data:{"error":1}').ok).toBe(false)
    expect(prettyJsonLines('{"a":1').ok).toBe(false)
    expect(prettyJsonLines('{"a":1} {"b":2}').ok).toBe(false)
  })

  // Timed in bench/parsers.ts.
  it('pretty-prints 5 MB', () => {
    const { ok, lines } = prettyJsonLines(bigJsonText())
    expect(ok).toBe(true)
    expect(lines.length).toBeGreaterThan(60000)
  })
})

describe('tokenizeJsonLine', () => {
  it('tells keys from string values', () => {
    const line = '  "key": "value",'
    const kinds = tokenizeJsonLine(line).map(([a, b, k]) => [line.slice(a, b), k])
    expect(kinds).toContainEqual(['"key"', 'key'])
    expect(kinds).toContainEqual(['"value"', 'str'])
  })
})

describe('wrapRows', () => {
  it('maps visual rows back to lines and segments', () => {
    const w = wrapRows(['a'.repeat(45), '', 'b'.repeat(20)], 20)
    expect(w.total).toBe(3 + 1 + 1)
    expect(locateRow(w, 0)).toEqual({ line: 0, segment: 0 })
    expect(locateRow(w, 2)).toEqual({ line: 0, segment: 2 })
    expect(locateRow(w, 3)).toEqual({ line: 1, segment: 0 })
    expect(locateRow(w, 4)).toEqual({ line: 2, segment: 0 })
  })
})

describe('backoffDelay', () => {
  it('doubles from 0.5 s up to 10 s with jitter', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(500)
    expect(backoffDelay(3, () => 0.5)).toBe(4000)
    expect(backoffDelay(20, () => 0.5)).toBe(10000)
    expect(backoffDelay(0, () => 0)).toBe(375)
  })
})
