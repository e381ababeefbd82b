// Pins and the UI's remembered arrangement live in ui.json in the data folder: they survive a restart, a pin
// reaches every open UI as an upsert, a live update never drops it, and a broken file costs the arrangement,
// never the start.
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import type { ExchangeSummary } from '../../src/shared/types'
import { PAYG_KEY, startStack, type Stack } from './stack'

let stack: Stack
afterEach(async () => stack?.close())

async function chat(text: string): Promise<void> {
  await fetch(`${stack.proxyUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${PAYG_KEY}` },
    body: JSON.stringify({ model: 'mimo-v2.5', messages: [{ role: 'user', content: text }] })
  })
}

it('pins survive a restart, go out as upserts, and filter with is:pinned', async () => {
  stack = await startStack()
  const ended = stack.ended(2)
  await chat('one')
  await chat('two')
  const [a, b] = await ended
  const events: ExchangeSummary[] = []
  stack.inspector.events.on('exchange:upserted', (s) => events.push(s))
  const answer = await stack.inspector.handlers['exchanges:pin']({ ids: [b.id, 'no-such-id'], pinned: true })
  expect(answer.pinned).toEqual([b.id])
  expect(events).toEqual([expect.objectContaining({ id: b.id, pinned: true })])

  await stack.restart()
  const page = await stack.inspector.handlers['exchanges:list']({ offset: 0, limit: 10, filter: 'is:pinned' })
  expect(page.items.map((i) => i.id)).toEqual([b.id])
  expect(page.items[0].pinned).toBe(true)
  // Cleared up to the last one: the pinned first one stays, the other goes.
  const cleared = await stack.inspector.handlers['exchanges:list']({ offset: 0, limit: 10, since: Math.max(a.seq, b.seq) + 1 })
  expect(cleared.items.map((i) => i.id)).toEqual([b.id])
  expect(cleared.all).toBe(2)

  await stack.inspector.handlers['exchanges:pin']({ ids: [b.id], pinned: false })
  expect((await stack.inspector.handlers['exchanges:list']({ offset: 0, limit: 10, filter: 'is:pinned' })).total).toBe(0)
})

it('an exchange pinned while in flight is still pinned in the updates that follow', async () => {
  stack = await startStack()
  stack.emulator.setChunkDelay(100)
  const events: ExchangeSummary[] = []
  stack.inspector.events.on('exchange:upserted', (s) => events.push(s))
  const started = new Promise<ExchangeSummary>((resolve) => stack.inspector.events.on('exchange:upserted', resolve))
  const ended = stack.ended()
  const streaming = fetch(`${stack.proxyUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${PAYG_KEY}` },
    body: JSON.stringify({ model: 'mimo-v2.5', stream: true, messages: [{ role: 'user', content: 'slow' }] })
  }).then((r) => r.text())
  const live = await started
  await stack.inspector.handlers['exchanges:pin']({ ids: [live.id], pinned: true })
  await streaming
  const [last] = await ended
  expect(last.pinned).toBe(true)
  expect(events.filter((e) => e.id === live.id).at(-1)?.state).toBe('completed')
})

it('UI settings merge field by field and come back after a restart', async () => {
  stack = await startStack()
  const h = () => stack.inspector.handlers
  expect(await h()['ui:settings'](null)).toEqual({})
  await h()['ui:save-settings']({ newestFirst: true, exchangeColumns: [{ id: 'ttfb', hidden: true }, { id: 'path', width: 420 }] })
  const saved = await h()['ui:save-settings']({ exchangeSort: { key: 'status', dir: 'desc' } })
  expect(saved).toMatchObject({ newestFirst: true, exchangeSort: { key: 'status', dir: 'desc' } })
  await stack.restart()
  expect(await h()['ui:settings'](null)).toEqual({
    newestFirst: true,
    exchangeColumns: [{ id: 'ttfb', hidden: true }, { id: 'path', width: 420 }],
    exchangeSort: { key: 'status', dir: 'desc' }
  })
})

it('a broken ui.json is set aside with a warning, and the app starts', async () => {
  stack = await startStack()
  await stack.inspector.handlers['ui:save-settings']({ newestFirst: true })
  await stack.inspector.close()
  writeFileSync(join(stack.dataDir, 'ui.json'), '{"pins": [1, 2], "settings": {"newestFirst": "yes"')
  const inspector = await stack.restart()
  expect(inspector.warnings.join('\n')).toMatch(/ui\.json could not be read/)
  expect(await inspector.handlers['ui:settings'](null)).toEqual({})
  expect(readdirSync(stack.dataDir).some((f) => f.startsWith('ui.json.corrupt-'))).toBe(true)
})

it('body: terms are answered by the store search as its results stream in; a deleted exchange leaves the list, its hits and its pin', async () => {
  stack = await startStack()
  const ended = stack.ended(3)
  await chat('the zebra crossing')
  await chat('nothing here')
  await chat('a ZEBRA again')
  const rows = await ended
  const list = (filter: string) => stack.inspector.handlers['exchanges:list']({ offset: 0, limit: 10, filter })
  const results = new Promise<void>((resolve) => stack.inspector.events.on('search:results', (r) => r.done && resolve()))
  const first = await list('body:zebra')
  // The search was started by the list call; its state is part of the answer until it is done.
  expect(first.bodySearch?.texts).toEqual(['zebra'])
  await results
  const found = await list('body:zebra')
  expect(found.bodySearch?.done).toBe(true)
  const withZebra = rows.filter((r) => r.id !== rows[1].id).map((r) => r.id)
  expect(new Set(found.items.map((i) => i.id))).toEqual(new Set(withZebra))
  expect((await list('-body:zebra')).items.map((i) => i.id)).toEqual([rows[1].id])

  await stack.inspector.handlers['exchanges:pin']({ ids: [withZebra[0]], pinned: true })
  const deleted = await stack.inspector.handlers['exchanges:delete']({ ids: [withZebra[0]] })
  expect(deleted.deleted).toEqual([withZebra[0]])
  expect((await list('body:zebra')).items.map((i) => i.id)).toEqual([withZebra[1]])
  expect((await list('')).total).toBe(2)
  expect((await stack.inspector.handlers['exchanges:pin']({ ids: [withZebra[1]], pinned: false })).pinned).toEqual([])
  // Space back, and still gone after a restart.
  await stack.inspector.handlers['store:compact'](null)
  await stack.restart()
  expect((await list('')).items.map((i) => i.id).sort()).toEqual([rows[1].id, withZebra[1]].sort())
})
