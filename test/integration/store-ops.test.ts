// Delete, compact and body search through the contract, on a store the proxy is recording into: the persist
// worker owns the writer, so these run in order with the exchanges it persists.
import { afterEach, expect, it } from 'vitest'
import type { SearchResults, StoreProgress } from '../../src/shared/types'
import type { Inspector } from '../../src/main/core/inspector'
import { startStack, PAYG_KEY, type Stack } from './stack'

let stack: Stack
afterEach(async () => stack?.close())

async function send(content: string): Promise<void> {
  const res = await fetch(`${stack.proxyUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${PAYG_KEY}` },
    body: JSON.stringify({ model: 'mimo-v2-flash', stream: true, messages: [{ role: 'user', content }] })
  })
  await res.text()
}

async function search(inspector: Inspector, text: string): Promise<SearchResults[]> {
  const batches: SearchResults[] = []
  let searchId = ''
  const done = new Promise<void>((resolve) => {
    const off = inspector.events.on('search:results', (r) => {
      if (searchId && r.searchId !== searchId) return
      batches.push(r)
      if (r.done) {
        off()
        resolve()
      }
    })
  })
  searchId = (await inspector.handlers['exchanges:search']({ text, caseSensitive: false, parts: ['request', 'response'] })).searchId
  await done
  return batches.filter((b) => b.searchId === searchId)
}

it('deletes exchanges, compacts while recording goes on, and finds text in bodies', { timeout: 60_000 }, async () => {
  stack = await startStack()
  const ended = stack.ended(6)
  for (let i = 0; i < 6; i++) await send(`question ${i}: where is the file named walrus-${i}.txt ${'padding '.repeat(2000)}`)
  const ids = (await ended).sort((a, b) => a.seq - b.seq).map((s) => s.id)
  const inspector = stack.inspector

  const found = await search(inspector, 'WALRUS-3.txt')
  expect(found.at(-1)).toMatchObject({ done: true, cancelled: false, error: null, scanned: 6, total: 6 })
  const hits = found.flatMap((b) => b.hits)
  expect(hits.map((h) => [h.id, h.part])).toEqual([[ids[3], 'request']])
  expect(hits[0].snippet).toContain('walrus-3.txt')

  const deletedEvents: string[][] = []
  inspector.events.on('exchanges:deleted', ({ ids: gone }) => deletedEvents.push(gone))
  expect(await inspector.handlers['exchanges:delete']({ ids: [ids[1], ids[3], 'nope'] })).toEqual({ deleted: [ids[1], ids[3]], notStored: ['nope'] })
  expect(deletedEvents).toEqual([[ids[1], ids[3]]])
  const listed = (await inspector.handlers['exchanges:list']({ offset: 0, limit: 100 })).items.map((s) => s.id)
  expect(listed).toEqual([ids[0], ids[2], ids[4], ids[5]])
  expect((await search(inspector, 'walrus-3.txt')).flatMap((b) => b.hits)).toEqual([])
  expect((await inspector.handlers['store:status'](null)).deletedPending).toBe(2)

  // Compact while another exchange is being recorded: both finish, nothing is lost.
  const progress: StoreProgress[] = []
  inspector.events.on('store:progress', (p) => progress.push(p))
  const more = stack.ended(1)
  const sending = send('after the delete: walrus-9.txt')
  const result = await inspector.handlers['store:compact'](null)
  await sending
  const [late] = await more
  expect(result.records).toBeGreaterThanOrEqual(4)
  expect(result.bytesAfter).toBeLessThan(result.bytesBefore)
  expect(progress.at(-1)).toMatchObject({ op: 'compact', done: result.records, total: result.records })
  expect((await inspector.handlers['store:status'](null)).deletedPending).toBe(0)
  const body = await inspector.handlers['exchanges:body']({ id: late.id, part: 'request' })
  expect(body.text).toContain('walrus-9.txt')
  expect((await search(inspector, 'walrus-9.txt')).flatMap((b) => b.hits.map((h) => h.id))).toEqual([late.id])

  const after = await stack.restart()
  expect((await after.handlers['exchanges:list']({ offset: 0, limit: 100 })).items.map((s) => s.id)).toEqual([ids[0], ids[2], ids[4], ids[5], late.id])
  expect((await after.handlers['exchanges:body']({ id: ids[4], part: 'request' })).text).toContain('walrus-4.txt')
  expect((await search(after, 'walrus-0.txt')).flatMap((b) => b.hits.map((h) => h.id))).toEqual([ids[0]])
})

it('cancels a search', { timeout: 60_000 }, async () => {
  stack = await startStack()
  const ended = stack.ended(3)
  for (let i = 0; i < 3; i++) await send(`hello ${i}`)
  await ended
  const inspector = stack.inspector
  const last = new Promise<SearchResults>((resolve) => inspector.events.on('search:results', (r) => r.done && resolve(r)))
  const { searchId } = await inspector.handlers['exchanges:search']({ text: 'hello', caseSensitive: false, parts: ['request'] })
  expect(await inspector.handlers['exchanges:search-cancel']({ searchId })).toEqual({ cancelled: true })
  expect(await last).toMatchObject({ searchId, done: true, cancelled: true })
  expect(await inspector.handlers['exchanges:search-cancel']({ searchId })).toEqual({ cancelled: false })
})
