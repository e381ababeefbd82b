// An older data folder opens, migrated: the committed fixture was written by `mimo-inspector serve` at
// commit f248cd8 (store format 1: exchanges.jsonl + blobs.pack/blobs.idx) from a generated session;
// v1-folder.expected.json holds what that version read back from it (body hashes, group keys, stream timings).
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Store } from '../../../src/main/core/store/store'
import { generatedSession, sessionRecord } from '../../scenarios/generated-session'
import { V1Writer } from './v1-writer'

interface Expected {
  id: string
  seq: number
  conversationId: string | null
  request: { size: number; sha256: string } | null
  response: { size: number; sha256: string } | null
  groupKey: unknown
  chunkTimes: number[] | null
}

const fixture = 'test/unit/store/fixtures/v1-folder'
const expected = JSON.parse(readFileSync(`${fixture}.expected.json`, 'utf8')) as Expected[]
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

function copyOfFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mimo-migrate-'))
  cpSync(fixture, dir, { recursive: true })
  return dir
}

function expectFixtureContent(store: Store): void {
  expect(store.records.map((r) => r.summary.id)).toEqual(expected.map((e) => e.id))
  for (const e of expected) {
    const r = store.get(e.id)!
    expect(r.summary.seq).toBe(e.seq)
    expect(r.summary.conversationId).toBe(e.conversationId)
    expect(r.request.body && { size: r.request.body.size, sha256: sha(store.getBody(r.request.body)) }).toEqual(e.request)
    expect(r.response?.body && { size: r.response.body.size, sha256: sha(store.getBody(r.response.body)) }).toEqual(e.response)
    expect(r.group?.key ? JSON.parse(store.getBody(r.group.key).toString()) : null).toEqual(e.groupKey)
    expect(r.response?.chunkTimes ? JSON.parse(store.getBody(r.response.chunkTimes).toString()) : null).toEqual(e.chunkTimes)
  }
}

describe('store format migration', () => {
  it('opens a format-1 folder written by the previous version, migrated, with every record and body', () => {
    const dir = copyOfFixture()
    const progress: number[] = []
    const store = Store.open(dir, { onMigrate: (p) => progress.push(p.records) })
    expect(store.migrated).toEqual({ records: expected.length, unreadable: 0 })
    expect(progress[progress.length - 1]).toBe(expected.length)
    expectFixtureContent(store)
    store.close()
    expect(readdirSync(dir).sort()).toEqual(['store-1', 'store.json'])
    expect(JSON.parse(readFileSync(join(dir, 'store.json'), 'utf8'))).toEqual({ format: 2, generation: 1 })
    const again = Store.open(dir)
    expect(again.migrated).toBeNull()
    expectFixtureContent(again)
    again.close()
  })

  it('reads a format-1 folder without touching it when opened read-only (beside an older app)', () => {
    const dir = copyOfFixture()
    const before = readdirSync(dir).map((f) => [f, statSync(join(dir, f)).size])
    const store = Store.open(dir, { readOnly: true })
    expectFixtureContent(store)
    expect(store.chunkKeys(store.records[3].request.body!).length).toBeGreaterThan(1)
    store.close()
    expect(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).size])).toEqual(before)
  })

  it('migrates a larger format-1 session into far less space, bodies unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mimo-migrate-'))
    const v1 = new V1Writer(dir)
    const session = [...generatedSession({ requests: 30, seed: 5 })]
    session.forEach((e, i) => v1.append(sessionRecord(e, i + 1, (b) => v1.putBody(b))))
    const v1Size = ['blobs.pack', 'blobs.idx', 'exchanges.jsonl'].reduce((n, f) => n + statSync(join(dir, f)).size, 0)
    const store = Store.open(dir)
    session.forEach((e, i) => {
      const r = store.get(`gen-${i + 1}`)!
      expect(store.getBody(r.request.body!).equals(e.request)).toBe(true)
      expect(store.getBody(r.response!.body!).equals(e.response)).toBe(true)
    })
    const stats = store.stats()!
    store.close()
    expect(stats.packed + stats.journal).toBeLessThan(v1Size * 0.6)
    expect(existsSync(join(dir, 'blobs.pack'))).toBe(false)
  })
})
