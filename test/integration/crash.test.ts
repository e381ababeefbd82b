// kill -9 while recording: the store opens after every kill, keeps every exchange that had ended except
// at most the ones in flight, holds no duplicates, and every body it lists can be read back.
// kill -9 while migrating a format-1 folder: the folder opens after every kill with all of its records and
// bodies, in the old format or the new one, never a mix.
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { startEmulator } from '../emulator/server'
import { Store } from '../../src/main/core/store/store'
import { generatedSession, sessionRecord } from '../scenarios/generated-session'
import { V1Writer } from '../unit/store/v1-writer'
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

it(`survives ${KILLS} kill -9 during heavy recording`, { timeout: 300_000 }, async () => {
  const emulator = await startEmulator()
  const dir = tempDataDir()
  let completedByClient = 0
  try {
    for (let round = 0; round < KILLS; round++) {
      const serve = await startServe(dir, emulator.url)
      let stop = false
      // Incompressible bodies big enough that a kill can land mid-write (a repeated letter deflates to a few bytes).
      const big = randomBytes(150_000 + round * 1000).toString('base64')
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
      // Kill at a random moment once recording is under way (a fixed delay lands before any on a loaded machine).
      const before = completedByClient
      await expect.poll(() => completedByClient - before, { timeout: 60_000 }).toBeGreaterThanOrEqual(CONCURRENCY)
      await new Promise((r) => setTimeout(r, Math.random() * 400))
      // What the store holds just before the kill (read beside the live writer, as `list` does) must all be
      // there after it: a kill may lose what is still in flight or queued for the persist worker, never
      // what was written.
      const snapshot = Store.open(dir, { readOnly: true })
      const storedBefore = snapshot.records.map((r) => r.summary.id)
      snapshot.close()
      await serve.kill()
      stop = true
      await Promise.all(workers)

      const store = Store.open(dir, { readOnly: true })
      const ids = store.records.map((r) => r.summary.id)
      expect(new Set(ids).size).toBe(ids.length)
      expect(new Set(store.records.map((r) => r.summary.seq)).size).toBe(ids.length)
      for (const id of storedBefore) expect(store.get(id)).toBeDefined()
      for (const r of store.records) {
        if (r.request.body) expect(store.getBody(r.request.body).length).toBe(r.request.body.size)
        if (r.response?.body) expect(store.getBody(r.response.body).length).toBe(r.response.body.size)
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

/** Runs the store child; `kill` after that many ms from its start (null: let it finish). */
async function storeChild(op: 'open' | 'compact', dir: string, killAfterMs: number | null): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/store-child.ts', op, dir])
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (out += d))
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
  await expect.poll(() => out, { timeout: 30_000 }).toContain('start')
  if (killAfterMs === null) {
    expect(await exited).toBe(0)
    return Number(/done (\d+)/.exec(out)![1])
  }
  await new Promise((r) => setTimeout(r, killAfterMs))
  child.kill('SIGKILL')
  await exited
  return null
}

it('survives kill -9 during a migration from store format 1', { timeout: 180_000 }, async () => {
  const source = mkdtempSync(join(tmpdir(), 'mimo-v1-'))
  const v1 = new V1Writer(source)
  const expected = new Map<string, string>()
  const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex')
  let seq = 1
  for (const e of generatedSession({ requests: 40, seed: 9 })) {
    const r = sessionRecord(e, seq++, (b) => v1.putBody(b))
    v1.append(r)
    expected.set(r.summary.id, sha(e.request) + sha(e.response))
  }
  const copy = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'mimo-migrating-'))
    cpSync(source, dir, { recursive: true })
    return dir
  }
  const check = (dir: string, readOnly: boolean): void => {
    const store = Store.open(dir, { readOnly })
    expect(store.records.length).toBe(expected.size)
    for (const r of store.records) expect(sha(store.getBody(r.request.body!)) + sha(store.getBody(r.response!.body!))).toBe(expected.get(r.summary.id))
    store.close()
  }
  const fullMs = (await storeChild('open', copy(), null))!
  let midway = 0
  const kills = Math.max(4, KILLS)
  for (let k = 0; k < kills; k++) {
    const dir = copy()
    await storeChild('open', dir, (fullMs * (k + 0.5)) / kills)
    const committed = existsSync(join(dir, 'store.json'))
    if (committed ? existsSync(join(dir, 'blobs.pack')) : existsSync(join(dir, 'store-1'))) midway++
    check(dir, true) // as `list` would see it, before anything repairs it
    check(dir, false) // the app's open finishes the migration
    check(dir, true)
  }
  console.log(`migration crash test: ${midway} of ${kills} kills landed mid-migration (a full one takes ${fullMs} ms)`)
  expect(midway).toBeGreaterThan(0)
})
