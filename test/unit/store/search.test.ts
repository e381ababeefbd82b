import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it, vi } from 'vitest'
import { Store } from '../../../src/main/core/store/store'
import { searchBodies, type BodySearchHit, type BodySearchQuery } from '../../../src/main/core/store/search'
import { generatedSession, sessionRecord } from '../../scenarios/generated-session'

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'mimo-search-'))

async function all(it: AsyncIterable<BodySearchHit>): Promise<BodySearchHit[]> {
  const out: BodySearchHit[] = []
  for await (const hit of it) out.push(hit)
  return out
}

/** The same search done the slow way: every body read whole. */
function bruteForce(store: Store, query: BodySearchQuery): Array<Pick<BodySearchHit, 'id' | 'part' | 'matches' | 'offset'>> {
  const fold = (s: string): string => (query.caseSensitive ? s : s.replace(/[A-Z]/g, (c) => c.toLowerCase()))
  const text = fold(query.text)
  const json = JSON.stringify(text).slice(1, -1)
  const needles = [...new Set([text, json])].map((n) => Buffer.from(n))
  const out: Array<Pick<BodySearchHit, 'id' | 'part' | 'matches' | 'offset'>> = []
  for (const r of [...store.records].reverse()) {
    for (const part of ['request', 'response'] as const) {
      const ref = part === 'request' ? r.request.body : r.response?.body
      if (!ref) continue
      const body = Buffer.from(fold(store.getBody(ref).toString('latin1')), 'latin1')
      let matches = 0
      let offset = -1
      for (const n of needles) {
        for (let p = body.indexOf(n); p >= 0; p = body.indexOf(n, p + n.length)) {
          matches++
          if (offset < 0 || p < offset) offset = p
        }
      }
      if (matches > 0) out.push({ id: r.summary.id, part, matches, offset })
    }
  }
  return out
}

function sessionStore(requests: number): { store: Store; session: ReturnType<typeof generatedSession> extends Generator<infer E> ? E[] : never } {
  const store = Store.open(tempDir())
  const session = [...generatedSession({ requests, seed: 21 })]
  session.forEach((e, i) => store.append(sessionRecord(e, i + 1, (b, kind) => store.putBody(b, kind))))
  return { store, session }
}

describe('body search', () => {
  const { store, session } = sessionStore(30)
  const last = session[session.length - 1]

  it('finds what reading every body would find, newest exchange first, with the offset of the first match', async () => {
    // A word of the tool results, a phrase that is only in one turn, and a long run certain to cross chunk seams.
    const tail = last.request.toString('utf8')
    // Text straddling the seam between two chunks of the last request, as stored.
    const keys = store.chunkKeys(store.get('gen-30')!.request.body!)
    const seam = keys.slice(0, 40).reduce((n: number, k) => n + store.chunk(k).length, 0)
    const straddling = last.request.subarray(seam - 12, seam + 12).toString('latin1')
    expect(Buffer.from(straddling, 'latin1').equals(last.request.subarray(seam - 12, seam + 12))).toBe(true)
    const needles = [straddling, /"tool_use_id":"(toolu_\w+)"/.exec(tail)![1], tail.slice(200_000, 200_040), tail.slice(150_000, 153_000), 'the', '"cache_control"']
    for (const text of needles) {
      const hits = await all(searchBodies(store, { text }))
      expect(hits.map(({ id, part, matches, offset }) => ({ id, part, matches, offset }))).toEqual(bruteForce(store, { text }))
      expect(hits.length).toBeGreaterThan(0)
      for (const h of hits) {
        const r = store.get(h.id)!
        const body = store.getBody((h.part === 'request' ? r.request.body : r.response!.body)!)
        expect(body.subarray(h.offset, h.offset + Buffer.byteLength(text)).toString('utf8').toLowerCase()).toBe(text.toLowerCase())
      }
    }
  })

  it('reads each distinct chunk once, not every body', async () => {
    const read = vi.spyOn(store, 'chunk')
    const hits = await all(searchBodies(store, { text: 'zzz-not-there' }))
    expect(hits).toEqual([])
    const bytesRead = read.mock.results.reduce((n, r) => n + (r.value as Buffer).length, 0)
    const stats = store.stats()!
    read.mockRestore()
    // Each chunk once, plus the chunk pairs looked at for matches across a seam (a few bytes of each).
    expect(bytesRead).toBeLessThan(stats.unique * 3)
    expect(stats.logical).toBeGreaterThan(stats.unique * 5)
  })

  it('matches text as it appears inside JSON strings, ignoring ASCII case unless asked', async () => {
    const s = Store.open(tempDir())
    const body = Buffer.from(JSON.stringify({ messages: [{ role: 'user', content: 'She said "Stop the Build" twice\nthen left' }] }))
    s.append({ ...sessionRecord(last, 1, (b, kind) => s.putBody(kind === 'request' ? body : b, kind)) })
    expect((await all(searchBodies(s, { text: 'said "stop the build"', parts: ['request'] })))[0]).toMatchObject({ matches: 1, offset: body.indexOf('said \\"Stop') })
    expect(await all(searchBodies(s, { text: 'said "stop the build"', caseSensitive: true }))).toEqual([])
    expect((await all(searchBodies(s, { text: 'twice\nthen' })))[0]?.matches).toBe(1)
    s.close()
  })

  it('searches a compressed body decoded', async () => {
    const s = Store.open(tempDir())
    const plain = Buffer.from(JSON.stringify({ content: [{ type: 'text', text: 'the weather in Lisbon is sunny' }] }))
    const record = sessionRecord(last, 1, (b, kind) => s.putBody(kind === 'response' ? gzipSync(plain) : b, kind))
    record.response!.headers = [['content-type', 'application/json'], ['content-encoding', 'gzip']]
    s.append(record)
    const [hit] = await all(searchBodies(s, { text: 'Lisbon', parts: ['response'] }))
    expect(hit).toMatchObject({ id: record.summary.id, part: 'response', decoded: true, matches: 1, offset: plain.indexOf('Lisbon') })
    expect(hit.snippet).toContain('weather in Lisbon is sunny')
    s.close()
  })

  it('stops when its signal fires', async () => {
    const controller = new AbortController()
    const hits: BodySearchHit[] = []
    for await (const hit of searchBodies(store, { text: '"role"' }, { signal: controller.signal })) {
      hits.push(hit)
      controller.abort()
    }
    expect(hits).toHaveLength(1)
    expect(bruteForce(store, { text: '"role"' }).length).toBeGreaterThan(1)
    expect(await all(searchBodies(store, { text: '"role"' }, { signal: AbortSignal.abort() }))).toEqual([])
  })

  it('stops with a clear error when the store is compacted under it, and skips exchanges deleted meanwhile', async () => {
    const { store: s } = sessionStore(6)
    const search = searchBodies(s, { text: '"role"', parts: ['request'] }, { sliceMs: 0 })
    const first = await search.next()
    expect(first.value).toMatchObject({ id: 'gen-6' })
    s.delete(['gen-5'])
    expect((await search.next()).value).toMatchObject({ id: 'gen-4' })
    s.compact()
    await expect(search.next()).rejects.toThrow(/compacted while searching/)
    s.close()
  })

  it('searches a format-1 folder read as it is', async () => {
    const dir = tempDir()
    cpSync('test/unit/store/fixtures/v1-folder', dir, { recursive: true })
    const v1 = Store.open(dir, { readOnly: true })
    const text = '"signature_delta"'
    const hits = await all(searchBodies(v1, { text }))
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.map(({ id, part, matches, offset }) => ({ id, part, matches, offset }))).toEqual(bruteForce(v1, { text }))
    v1.close()
  })
})
