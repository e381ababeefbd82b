// kill -9 while recording: the store opens after every kill, keeps every exchange that had ended except
// at most the ones in flight, holds no duplicates, and every body it lists can be read back.
import { spawn } from 'node:child_process'
import { expect, it } from 'vitest'
import { startEmulator } from '../emulator/server'
import { Store } from '../../src/main/core/store/store'
import { tempDataDir, PAYG_KEY } from './stack'

const KILLS = Number(process.env.CRASH_KILLS ?? 5) // 20 by hand: CRASH_KILLS=20
const CONCURRENCY = 4

async function startServe(dir: string, upstream: string): Promise<{ kill: () => Promise<void>; proxy: string }> {
  const child = spawn(process.execPath, ['bin/mimo-inspector.js', 'serve', '--port', '0', '--proxy-port', '0', '--upstream', upstream, '--data-dir', dir])
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  await expect.poll(() => out, { timeout: 10_000 }).toContain('Ctrl+C')
  const proxy = /Proxy:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]
  const exited = new Promise((r) => child.on('exit', r))
  return { proxy, kill: async () => void (child.kill('SIGKILL'), await exited) }
}

it(`survives ${KILLS} kill -9 during heavy recording`, { timeout: 120_000 }, async () => {
  const emulator = await startEmulator()
  const dir = tempDataDir()
  let completedByClient = 0
  try {
    for (let round = 0; round < KILLS; round++) {
      const serve = await startServe(dir, emulator.url)
      let stop = false
      const big = 'x'.repeat(200_000 + round * 1000) // bodies big enough that a kill can land mid-write
      const worker = async (): Promise<void> => {
        while (!stop) {
          try {
            const res = await fetch(`${serve.proxy}/v1/chat/completions`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${PAYG_KEY}` },
              body: JSON.stringify({ model: 'mimo-v2-flash', stream: true, messages: [{ role: 'user', content: big + Math.random() }] })
            })
            await res.text()
            if (!stop) completedByClient++
          } catch {
            return // the process died under us
          }
        }
      }
      const workers = Array.from({ length: CONCURRENCY }, worker)
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 500))
      await serve.kill()
      stop = true
      await Promise.all(workers)

      const store = Store.open(dir, { readOnly: true })
      const ids = store.records.map((r) => r.summary.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(new Set(store.records.map((r) => r.summary.seq)).size).toBe(ids.length)
      for (const r of store.records) {
        if (r.request.body) expect(store.getBody(r.request.body).length).toBe(r.request.body.size)
      }
      store.close()
    }
    const final = Store.open(dir)
    console.log(`crash test: ${completedByClient} exchanges ended at the client, ${final.records.length} in the store after ${KILLS} kills`)
    // Each kill may lose the exchanges in flight at that moment, and the ones the client saw end in the
    // same tick as the kill; nothing else.
    expect(final.records.length).toBeGreaterThanOrEqual(completedByClient - KILLS * CONCURRENCY)
    expect(final.records.length).toBeGreaterThan(0)
    final.close()
  } finally {
    await emulator.close()
  }
})
