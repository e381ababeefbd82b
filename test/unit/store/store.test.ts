import { appendFileSync, mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { Store } from '../../../src/main/core/store/store'
import { RECORD_VERSION, type ExchangeRecord } from '../../../src/main/core/store/record'
import { DataDirLockedError } from '../../../src/main/core/store/lock'
import { JOURNAL_FILE, PACK_FILE } from '../../../src/main/core/store/layout'
import { FRAME } from '../../../src/main/core/store/journal'
import { generatedSession, sessionRecord } from '../../scenarios/generated-session'
import { Rng } from '../../scenarios/random-text'

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'mimo-store-'))
const journal = (dir: string): string => join(dir, 'store-1', JOURNAL_FILE)

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

describe('Store', () => {
  it('gives back the exact bytes after a reopen', () => {
    const dir = tempDir()
    const store = Store.open(dir)
    const body = new Rng(1).bytes(300_000)
    store.append(record(1, body, store))
    store.close()
    const again = Store.open(dir)
    expect(again.getBody(again.get('ex-1')!.request.body!).equals(body)).toBe(true)
    again.close()
  })

  it('stores a session whose history is re-sent each request close to its floor, dedupe and compression each doing their part', () => {
    const dir = tempDir()
    const store = Store.open(dir)
    const session = [...generatedSession({ requests: 60, seed: 3 })]
    session.forEach((e, i) => store.append(sessionRecord(e, i + 1, (b, kind) => store.putBody(b, kind))))
    const stats = store.stats()!
    store.close()
    const last = session[session.length - 1].request
    // All the distinct content there is: the last request (it holds every earlier turn) and the responses.
    const distinct = last.length + session.reduce((n, e) => n + e.response.length, 0)
    const floor = gzipSync(last).length + session.reduce((n, e) => n + gzipSync(e.response).length, 0)
    expect(stats.logical).toBe(session.reduce((n, e) => n + e.request.length + e.response.length, 0))
    // Dedupe: each chunk of history once; what is left over is the chunks around each request's edits.
    expect(stats.unique).toBeLessThan(distinct * 1.3)
    // Compression: new chunks deflated against what they repeat get within reach of gzip of the whole.
    const onDisk = statSync(journal(dir)).size + statSync(join(dir, 'store-1', PACK_FILE)).size
    expect(onDisk).toBeLessThan(floor * 1.4)
    const reopened = Store.open(dir, { readOnly: true })
    session.forEach((e, i) => {
      const r = reopened.get(`gen-${i + 1}`)!
      expect(reopened.getBody(r.request.body!).equals(e.request)).toBe(true)
      expect(reopened.getBody(r.response!.body!).equals(e.response)).toBe(true)
    })
    reopened.close()
  })

  it('drops a torn last write and appends cleanly after it', () => {
    const dir = tempDir()
    const store = Store.open(dir)
    store.append(record(1, Buffer.from('{"a":1}'), store))
    store.append(record(2, new Rng(2).bytes(9000), store))
    store.close()
    truncateSync(journal(dir), statSync(journal(dir)).size - 20) // a kill in the middle of record 2's write
    const after = Store.open(dir)
    expect(after.records.map((r) => r.summary.id)).toEqual(['ex-1'])
    expect(after.skippedOnOpen).toBe(1)
    after.append(record(3, Buffer.from('{"a":3}'), after))
    after.close()
    const third = Store.open(dir, { readOnly: true })
    expect(third.records.map((r) => r.summary.id)).toEqual(['ex-1', 'ex-3'])
    expect(third.skippedOnOpen).toBe(0)
    expect(third.getBody(third.get('ex-3')!.request.body!).toString()).toBe('{"a":3}')
    third.close()
  })

  it('ignores bytes at the end of the pack that no frame names', () => {
    const dir = tempDir()
    const store = Store.open(dir)
    store.append(record(1, Buffer.from('first body'), store))
    store.close()
    appendFileSync(join(dir, 'store-1', PACK_FILE), new Rng(3).bytes(5000)) // a segment whose frame never got written
    const again = Store.open(dir)
    again.append(record(2, Buffer.from('second body'), again))
    expect(again.getBody(again.get('ex-2')!.request.body!).toString()).toBe('second body')
    again.close()
    const reopened = Store.open(dir, { readOnly: true })
    expect(reopened.getBody(reopened.get('ex-1')!.request.body!).toString()).toBe('first body')
    expect(reopened.getBody(reopened.get('ex-2')!.request.body!).toString()).toBe('second body')
    reopened.close()
  })

  it('skips a damaged record and reads the ones around it', () => {
    const dir = tempDir()
    const store = Store.open(dir)
    const bodies = [1, 2, 3].map((i) => new Rng(10 + i).bytes(3000))
    bodies.forEach((b, i) => store.append(record(i + 1, b, store)))
    store.close()
    const bytes = readFileSync(journal(dir))
    // Flip a byte inside the second record's frame (not a key record: the first of every 32 is).
    let at = 0
    let seen = 0
    for (;;) {
      const length = bytes.readUInt32LE(at)
      if (bytes[at + 4] === FRAME.record && ++seen === 2) break
      at += length + 8
    }
    bytes[at + 7] ^= 0xff
    writeFileSync(journal(dir), bytes)
    const reopened = Store.open(dir, { readOnly: true })
    expect(reopened.skippedOnOpen).toBe(1)
    expect(reopened.records.map((r) => r.summary.id)).toEqual(['ex-1', 'ex-3'])
    expect(reopened.getBody(reopened.get('ex-3')!.request.body!).equals(bodies[2])).toBe(true)
    reopened.close()
  })

  it('lets a reader follow bodies a writer stores after it opened', () => {
    const dir = tempDir()
    const store = Store.open(dir)
    const reader = Store.open(dir, { readOnly: true })
    const body = new Rng(4).bytes(50_000)
    const r = record(1, body, store)
    store.append(r)
    expect(reader.getBody(r.request.body!).equals(body)).toBe(true)
    reader.close()
    store.close()
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

  it('says which file is wrong when store.json is damaged or from a newer version', () => {
    const dir = tempDir()
    Store.open(dir).close()
    writeFileSync(join(dir, 'store.json'), '{"format": 3, "generation": 1}')
    expect(() => Store.open(dir)).toThrow(/store format 3/)
    writeFileSync(join(dir, 'store.json'), '{"form')
    expect(() => Store.open(dir, { readOnly: true })).toThrow(/store\.json cannot be read/)
  })
})
