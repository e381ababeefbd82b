import { appendFileSync, mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Store } from '../../../src/main/core/store/store'
import { RECORD_VERSION, type ExchangeRecord } from '../../../src/main/core/store/record'
import { DataDirLockedError } from '../../../src/main/core/store/lock'

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'mimo-store-'))

function record(seq: number, body: Buffer | null, store: Store): ExchangeRecord {
  return {
    v: RECORD_VERSION,
    summary: {
      id: `ex-${seq}`, seq, startedAt: new Date(0).toISOString(), method: 'POST', path: '/anthropic/v1/messages', upstreamUrl: 'http://u',
      mode: 'reverse', protocol: 'anthropic', model: 'mimo-v2.5-pro', stream: false, state: 'completed', status: 200, error: null,
      durationMs: 1, ttfbMs: 1, requestSize: body?.length ?? 0, responseSize: 0, usage: null, conversationId: null
    },
    request: { headers: [['content-type', 'application/json']], body: body ? store.putBody(body) : null, bodyCut: false },
    response: null
  }
}

/** A growing agent history: each request repeats all earlier messages and adds one. */
function historyBody(turns: number): Buffer {
  const messages = Array.from({ length: turns }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `turn ${i} `.repeat(400) }))
  return Buffer.from(JSON.stringify({ model: 'mimo-v2.5-pro', system: 'S'.repeat(30_000), messages }))
}

describe('Store', () => {
  it('gives back the exact bytes after a reopen', () => {
    const dir = tempDir()
    const store = Store.open(dir)
    const body = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251))
    store.append(record(1, body, store))
    store.close()
    const again = Store.open(dir)
    const r = again.get('ex-1')!
    expect(again.getBody(r.request.body!).equals(body)).toBe(true)
    again.close()
  })

  it('stores history repeated across requests once', () => {
    const dir = tempDir()
    const store = Store.open(dir)
    let raw = 0
    for (let turn = 1; turn <= 40; turn++) {
      const body = historyBody(turn)
      raw += body.length
      store.append(record(turn, body, store))
    }
    store.close()
    const onDisk = statSync(join(dir, 'blobs.pack')).size + statSync(join(dir, 'blobs.idx')).size + statSync(join(dir, 'exchanges.jsonl')).size
    // Without dedupe the pack alone would be about raw/3 (deflate of repetitive text); dedupe keeps it a few %.
    expect(onDisk / raw).toBeLessThan(0.05)
    const reopened = Store.open(dir, { readOnly: true })
    expect(reopened.getBody(reopened.get('ex-40')!.request.body!).equals(historyBody(40))).toBe(true)
  })

  it('skips a cut last line and appends cleanly after it', () => {
    const dir = tempDir()
    const store = Store.open(dir)
    store.append(record(1, Buffer.from('{"a":1}'), store))
    store.append(record(2, Buffer.from('{"a":2}'), store))
    store.close()
    const log = join(dir, 'exchanges.jsonl')
    truncateSync(log, statSync(log).size - 20) // a crash mid-write of record 2
    const after = Store.open(dir)
    expect(after.records.map((r) => r.summary.id)).toEqual(['ex-1'])
    expect(after.skippedOnOpen).toBe(1)
    after.append(record(3, Buffer.from('{"a":3}'), after))
    after.close()
    const third = Store.open(dir, { readOnly: true })
    expect(third.records.map((r) => r.summary.id)).toEqual(['ex-1', 'ex-3'])
    expect(third.skippedOnOpen).toBe(0)
    expect(readFileSync(log, 'utf8').endsWith('\n')).toBe(true)
  })

  it('ignores a cut blob index line and keeps working', () => {
    const dir = tempDir()
    const store = Store.open(dir)
    store.append(record(1, Buffer.from('first body'), store))
    store.close()
    appendFileSync(join(dir, 'blobs.idx'), 'abc 12') // half an index line
    const again = Store.open(dir)
    again.append(record(2, Buffer.from('second body'), again))
    expect(again.getBody(again.get('ex-2')!.request.body!).toString()).toBe('second body')
    again.close()
  })

  it('keeps records ordered by arrival though they finish out of order', () => {
    const store = Store.open(tempDir())
    store.append(record(2, null, store))
    store.append(record(1, null, store))
    store.append(record(3, null, store))
    expect(store.records.map((r) => r.summary.seq)).toEqual([1, 2, 3])
    expect(store.nextSeq).toBe(4)
    store.close()
  })

  it('refuses a second writer on the same folder, and takes over a dead one’s lock', () => {
    const dir = tempDir()
    const store = Store.open(dir)
    expect(() => Store.open(dir)).toThrow(DataDirLockedError)
    store.close()
    writeFileSync(join(dir, 'writer.lock'), '999999999') // no such process
    Store.open(dir).close()
  })
})
