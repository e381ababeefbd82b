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
