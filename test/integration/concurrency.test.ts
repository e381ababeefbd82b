// 50 concurrent streams, again and again for a while: nothing lost, nothing mixed up. CI runs a few seconds;
// SOAK_SECONDS=60 runs the full minute by hand.
import { afterEach, expect, it } from 'vitest'
import { startStack, PAYG_KEY, type Stack } from './stack'

const SECONDS = Number(process.env.SOAK_SECONDS ?? 4)
const STREAMS = 50

let stack: Stack
afterEach(async () => stack?.close())

it(`${STREAMS} concurrent streams for ${SECONDS} s: every exchange recorded with its own bytes`, { timeout: (SECONDS + 60) * 1000 }, async () => {
  stack = await startStack({ deterministic: true })
  stack.emulator.setChunkDelay(5)
  const sent = new Map<string, { request: string; response: Buffer }>()
  const deadline = Date.now() + SECONDS * 1000
  let n = 0
  const worker = async (w: number): Promise<void> => {
    while (Date.now() < deadline) {
      const tag = `w${w}-r${n++}`
      const request = JSON.stringify({ model: 'mimo-v2.5', stream: true, messages: [{ role: 'user', content: `request ${tag}` }] })
      const res = await fetch(`${stack.proxyUrl}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${PAYG_KEY}`, 'x-tag': tag }, body: request })
      sent.set(tag, { request, response: Buffer.from(await res.arrayBuffer()) })
    }
  }
  await Promise.all(Array.from({ length: STREAMS }, (_, w) => worker(w)))
  await expect.poll(() => stack.inspector.store.records.length, { timeout: 20_000 }).toBe(sent.size)
  for (const record of stack.inspector.store.records) {
    const tag = record.request.headers.find(([k]) => k === 'x-tag')![1]
    const mine = sent.get(tag)!
    expect(stack.inspector.store.getBody(record.request.body!).toString()).toBe(mine.request)
    expect(stack.inspector.store.getBody(record.response!.body!).equals(mine.response)).toBe(true)
    expect(record.summary.state).toBe('completed')
  }
  console.log(`concurrency: ${sent.size} streamed exchanges over ${SECONDS} s with ${STREAMS} at once, all recorded intact`)
})
