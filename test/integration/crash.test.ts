// kill -9 while recording: the store opens after every kill, keeps every exchange that had ended except
// at most the ones in flight, holds no duplicates, and every body it lists can be read back.
// kill -9 while migrating a format-1 folder, or while compacting: the folder opens after every kill with all
// of its (kept) records and bodies, in the old generation or the new one, never a mix.
import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs'
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

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

/**
 * Runs `op` in a child on copies of `source`, killed at evenly spread moments of a full run; after each kill
 * the folder must open, read-only (as `list` sees it) and for writing (which repairs or finishes), holding
 * exactly `expected` (id → sha of request + response). Returns how many kills landed in the middle.
 */
async function killDuring(op: 'open' | 'compact', source: string, expected: Map<string, string>, midway: (dir: string) => boolean): Promise<{ midway: number; kills: number; fullMs: number }> {
  const copy = (): string => {
    const dir = mkdtempSync(join(tmpdir(), `mimo-${op}-`))
    cpSync(source, dir, { recursive: true })
    return dir
  }
  const check = (dir: string, readOnly: boolean): void => {
    const store = Store.open(dir, { readOnly })
    expect(store.records.map((r) => r.summary.id).sort()).toEqual([...expected.keys()].sort())
    for (const r of store.records) expect(sha(store.getBody(r.request.body!)) + sha(store.getBody(r.response!.body!))).toBe(expected.get(r.summary.id))
    store.close()
  }
  const fullMs = (await storeChild(op, copy(), null))!
  let landed = 0
  const kills = Math.max(4, KILLS)
  for (let k = 0; k < kills; k++) {
    const dir = copy()
    await storeChild(op, dir, (fullMs * (k + 0.5)) / kills)
    if (midway(dir)) landed++
    check(dir, true)
    check(dir, false)
    check(dir, true)
  }
  return { midway: landed, kills, fullMs }
}

it('survives kill -9 during a migration from store format 1', { timeout: 180_000 }, async () => {
  const source = mkdtempSync(join(tmpdir(), 'mimo-v1-'))
  const v1 = new V1Writer(source)
  const expected = new Map<string, string>()
  let seq = 1
  for (const e of generatedSession({ requests: 40, seed: 9 })) {
    const r = sessionRecord(e, seq++, (b) => v1.putBody(b))
    v1.append(r)
    expected.set(r.summary.id, sha(e.request) + sha(e.response))
  }
  // Mid-migration: the new generation half written, or committed with the old files not yet removed.
  const run = await killDuring('open', source, expected, (dir) => (existsSync(join(dir, 'store.json')) ? existsSync(join(dir, 'blobs.pack')) : existsSync(join(dir, 'store-1'))))
  console.log(`migration crash test: ${run.midway} of ${run.kills} kills landed mid-migration (a full one takes ${run.fullMs} ms)`)
  expect(run.midway).toBeGreaterThan(0)
})

it('survives kill -9 during a compaction', { timeout: 180_000 }, async () => {
  const source = mkdtempSync(join(tmpdir(), 'mimo-compact-src-'))
  const store = Store.open(source)
  const expected = new Map<string, string>()
  const doomed: string[] = []
  const a = generatedSession({ requests: 30, seed: 41 })
  const b = generatedSession({ requests: 30, seed: 42 })
  let seq = 1
  for (let i = 0; i < 30; i++) {
    for (const [e, drop] of [[a.next().value!, false], [b.next().value!, true]] as const) {
      const r = sessionRecord(e, seq++, (bytes, kind) => store.putBody(bytes, kind))
      store.append(r)
      if (drop) doomed.push(r.summary.id)
      else expected.set(r.summary.id, sha(e.request) + sha(e.response))
    }
  }
  store.delete(doomed)
  store.close()
  // Mid-compaction: the next generation half written, or committed with the old one not yet removed.
  const generationOf = (dir: string): number => (JSON.parse(readFileSync(join(dir, 'store.json'), 'utf8')) as { generation: number }).generation
  const run = await killDuring('compact', source, expected, (dir) => existsSync(join(dir, generationOf(dir) === 1 ? 'store-2' : 'store-1')))
  console.log(`compaction crash test: ${run.midway} of ${run.kills} kills landed mid-compaction (a full one takes ${run.fullMs} ms)`)
  expect(run.midway).toBeGreaterThan(0)
})
