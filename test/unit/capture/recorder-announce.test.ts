// In-flight updates of an exchange go out at most once a display frame, after the proxy has passed its bytes
// on, and never after the exchange's final state.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { ANNOUNCE_EVERY_MS, Recorder } from '../../../src/main/core/capture/recorder'
import { Store } from '../../../src/main/core/store/store'
import { RECORD_VERSION, type ExchangeRecord } from '../../../src/main/core/store/record'
import type { ExchangeSummary } from '../../../src/shared/types'

let store: Store | null = null
afterEach(() => store?.close())

function recorder(): { rec: Recorder; seen: ExchangeSummary[] } {
  store = Store.open(mkdtempSync(join(tmpdir(), 'mimo-announce-')))
  const seen: ExchangeSummary[] = []
  const sink = {
    // Stored at once (a microtask): the final state can overtake an update still waiting for its turn.
    persist: async (wire: { summary: ExchangeSummary }): Promise<ExchangeRecord> => ({
      v: RECORD_VERSION,
      summary: { ...wire.summary, conversationId: 'as-stored' },
      request: { headers: [], body: null, bodyCut: false },
      response: null
    })
  }
  const rec = new Recorder(store, sink, { upserted: (s) => seen.push(s), recorded: () => undefined, storeFailed: () => undefined })
  return { rec, seen }
}

const frame = (): Promise<void> => new Promise((r) => setTimeout(r, ANNOUNCE_EVERY_MS + 5))

it('sends the updates of one frame as one, after the code that made them', async () => {
  const { rec, seen } = recorder()
  const live = rec.start({ method: 'POST', path: '/v1/chat/completions', upstreamUrl: 'http://127.0.0.1:1/v1/chat/completions', mode: 'reverse', rawHeaders: [] })
  live.responseHead(200, 'OK', [])
  rec.responseStarted(live)
  expect(seen).toHaveLength(0)
  await new Promise((r) => setImmediate(r))
  expect(seen).toHaveLength(0)
  await frame()
  expect(seen.map((s) => s.state)).toEqual(['streaming'])
})

it('never sends an in-flight update after the final state', async () => {
  const { rec, seen } = recorder()
  const live = rec.start({ method: 'POST', path: '/v1/chat/completions', upstreamUrl: 'http://127.0.0.1:1/v1/chat/completions', mode: 'reverse', rawHeaders: [] })
  live.responseHead(200, 'OK', [])
  rec.responseStarted(live)
  rec.finish(live, 'completed')
  await frame()
  await frame()
  // The last word is the stored summary, not the in-flight one (which lacks what storing adds).
  expect(seen.at(-1)).toMatchObject({ state: 'completed', conversationId: 'as-stored' })
  expect(seen.filter((s) => s.conversationId !== 'as-stored')).toHaveLength(0)
  expect(rec.getLive(live.summary.id)).toBeUndefined()
})

it('shows the model of an in-flight exchange once its request is complete', async () => {
  const { rec, seen } = recorder()
  const live = rec.start({ method: 'POST', path: '/v1/chat/completions', upstreamUrl: 'http://127.0.0.1:1/v1/chat/completions', mode: 'reverse', rawHeaders: [] })
  const body = Buffer.from(JSON.stringify({ model: 'mimo-v2.5-pro', stream: true, messages: [{ role: 'user', content: 'hi' }] }))
  live.requestChunk(body)
  rec.requestDone(live)
  await frame()
  expect(seen.at(-1)).toMatchObject({ state: 'pending', model: 'mimo-v2.5-pro', stream: true, requestSize: body.length })
})
