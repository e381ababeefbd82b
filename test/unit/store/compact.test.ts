import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Store } from '../../../src/main/core/store/store'
import { storedContent } from '../../../src/main/core/store/stored-content'
import { generatedSession, sessionRecord, type GeneratedExchange } from '../../scenarios/generated-session'

const folderBytes = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((n, f) => n + (f.isDirectory() ? folderBytes(join(dir, f.name)) : statSync(join(dir, f.name)).size), 0)
const tempDir = (): string => mkdtempSync(join(tmpdir(), 'mimo-compact-'))

/** Two sessions in one store; the second one's requests carry a marker that must vanish with them. */
function twoSessions(): { dir: string; store: Store; kept: Map<string, GeneratedExchange>; doomed: string[] } {
  const dir = tempDir()
  const store = Store.open(dir)
  const kept = new Map<string, GeneratedExchange>()
  const doomed: string[] = []
  let seq = 1
  const a = [...generatedSession({ requests: 12, seed: 31 })]
  const b = [...generatedSession({ requests: 12, seed: 32 })].map((e) => ({ ...e, request: Buffer.concat([e.request.subarray(0, -1), Buffer.from(',"marker":"DOOMED-SESSION-7731"}')]) }))
  for (let i = 0; i < 12; i++) {
    for (const [e, doomedSide] of [[a[i], false], [b[i], true]] as const) {
      const r = sessionRecord(e, seq++, (bytes, kind) => store.putBody(bytes, kind))
      store.append(r)
      if (doomedSide) doomed.push(r.summary.id)
      else kept.set(r.summary.id, e)
    }
  }
  return { dir, store, kept, doomed }
}

function expectKept(store: Store, kept: Map<string, GeneratedExchange>): void {
  expect(store.records.map((r) => r.summary.id).sort()).toEqual([...kept.keys()].sort())
  for (const [id, e] of kept) {
    const r = store.get(id)!
    expect(store.getBody(r.request.body!).equals(e.request)).toBe(true)
    expect(store.getBody(r.response!.body!).equals(e.response)).toBe(true)
  }
}

const onDiskHas = (dir: string, text: string): boolean => [...storedContent(dir)].some(([, b]) => b.includes(text))

describe('deleting and compacting', () => {
  it('deletes exchanges at once (tombstones) and frees their space at compaction, keeping every other byte', () => {
    const { dir, store, kept, doomed } = twoSessions()
    expect(store.delete([...doomed, 'no-such-id'])).toEqual(doomed)
    expectKept(store, kept)
    expect(store.deletedPending).toBe(doomed.length)
    store.close()

    const reopened = Store.open(dir)
    expectKept(reopened, kept)
    // Until a compaction the bytes are still there.
    expect(onDiskHas(dir, 'DOOMED-SESSION-7731')).toBe(true)
    const before = folderBytes(dir)
    const result = reopened.compact()
    expect(result).toMatchObject({ generation: 2, records: kept.size })
    expect(result.bytesAfter).toBeLessThan(result.bytesBefore * 0.7)
    expect(folderBytes(dir)).toBeLessThan(before * 0.7)
    expectKept(reopened, kept)
    expect(reopened.deletedPending).toBe(0)
    expect(onDiskHas(dir, 'DOOMED-SESSION-7731')).toBe(false)
    expect(readdirSync(dir).filter((f) => f.startsWith('store-'))).toEqual(['store-2'])

    // Recording goes on in the new generation, and it all opens again.
    const more = [...generatedSession({ requests: 13, seed: 31 })][12]
    const r = sessionRecord(more, 100, (bytes, kind) => reopened.putBody(bytes, kind))
    reopened.append(r)
    kept.set(r.summary.id, more)
    reopened.close()
    const again = Store.open(dir, { readOnly: true })
    expectKept(again, kept)
    again.close()
  })

  it('says so when a body reference from before a compaction is used after it', () => {
    const { store, doomed } = twoSessions()
    const stale = store.records[0].request.body!
    store.delete(doomed)
    store.compact()
    expect(() => store.getBody(stale)).toThrow(/compacted away/)
    expect(store.getBody(store.records[0].request.body!).length).toBe(stale.size)
    store.close()
  })

  it('lets a reader that opened before the compaction switch to the new generation', () => {
    const { dir, store, kept, doomed } = twoSessions()
    const reader = Store.open(dir, { readOnly: true })
    store.delete(doomed)
    store.compact()
    // A record written after the compaction names the new generation; reading it makes the reader switch.
    const more = [...generatedSession({ requests: 13, seed: 31 })][12]
    const r = sessionRecord(more, 100, (bytes, kind) => store.putBody(bytes, kind))
    store.append(r)
    expect(reader.getBody(r.request.body!).equals(more.request)).toBe(true)
    kept.set(r.summary.id, more)
    expectKept(reader, kept)
    reader.close()
    store.close()
    expect(existsSync(join(dir, 'store-1'))).toBe(false)
  })
})
