// The store against generated agent sessions (test/scenarios/generated-session.ts: incompressible text, the
// whole history re-sent with every request, tool calls and results, thinking, streamed responses):
// - 500 requests written with the store in-process, and the same session in store format 1 (the writer kept
//   for the migration tests) for comparison;
// - 200 requests sent through `mimo-inspector serve` in its own process to a local upstream (needs
//   `npm run build`), then its data folder measured.
// The floor is gzip of the last request (it holds every earlier turn) plus gzip of every response: all the
// distinct content there is. Dedupe (body bytes as sent / distinct chunk bytes) and compression (distinct
// chunk bytes / bytes on disk) are reported separately.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { Store } from '../src/main/core/store/store'
import type { StoreStats } from '../src/main/core/store/generation'
import { generatedSession, sessionRecord, type GeneratedExchange, type SessionOptions } from '../test/scenarios/generated-session'
import { V1Writer } from '../test/unit/store/v1-writer'
import { sessionThroughServe } from './serve-session'
import { searchBench } from './store-search'

/** The 500-request session: shorter turns than the 200-request one, so both are a few hundred MB raw. */
export const SESSION_500: SessionOptions = { requests: 500, seed: 500, toolResult: [400, 5_000], thinking: [200, 1_000] }
export const SESSION_200: SessionOptions = { requests: 200, seed: 12 }

interface Measured {
  requests: number
  raw: number
  largest: number
  floor: number
  onDisk: number
  stats: StoreStats
  recordMs: number
  openMs: number
  readLargestMs: number
  rssMb: number
  /** The same session in store format 1 (before), in-process only. */
  v1?: { onDisk: number; openMs: number; readLargestMs: number }
}

export function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0
  return readdirSync(dir, { withFileTypes: true }).reduce((n, f) => n + (f.isDirectory() ? folderBytes(join(dir, f.name)) : statSync(join(dir, f.name)).size), 0)
}

/** Floor and raw size, measured as the session goes by. */
class FloorMeter {
  raw = 0
  largest = 0
  responsesGz = 0
  last: Buffer | null = null
  requests = 0
  add(e: GeneratedExchange): void {
    this.requests++
    this.raw += e.request.length + e.response.length
    this.largest = Math.max(this.largest, e.request.length)
    this.responsesGz += gzipSync(e.response).length
    this.last = e.request
  }
  get floor(): number {
    return this.responsesGz + (this.last ? gzipSync(this.last).length : 0)
  }
}

/** Open cold, list, read the largest body back. */
function reopen(dir: string): Omit<Pick<Measured, 'stats' | 'openMs' | 'readLargestMs' | 'rssMb'>, 'stats'> & { stats: StoreStats | null } {
  const rssBefore = process.memoryUsage().rss
  const t0 = performance.now()
  const store = Store.open(dir, { readOnly: true })
  store.records.map((r) => r.summary)
  const openMs = performance.now() - t0
  const largest = store.records.reduce((a, r) => ((r.request.body?.size ?? 0) > (a.request.body?.size ?? 0) ? r : a))
  const t1 = performance.now()
  store.getBody(largest.request.body!)
  const readLargestMs = performance.now() - t1
  const stats = store.stats()
  store.close()
  return { stats, openMs, readLargestMs, rssMb: (process.memoryUsage().rss - rssBefore) / 2 ** 20 }
}

export function inProcess(options: SessionOptions): Measured & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mimo-bench-store-'))
  const v1Dir = mkdtempSync(join(tmpdir(), 'mimo-bench-store-v1-'))
  const store = Store.open(dir)
  const v1 = new V1Writer(v1Dir)
  const meter = new FloorMeter()
  let recordMs = 0
  let seq = 1
  for (const e of generatedSession(options)) {
    meter.add(e)
    const t0 = performance.now()
    store.append(sessionRecord(e, seq, (b, kind) => store.putBody(b, kind)))
    recordMs += performance.now() - t0
    v1.append(sessionRecord(e, seq, (b) => v1.putBody(b)))
    seq++
  }
  store.close()
  // Format 1 read as it is (the code that read it before is the read-only path now).
  const before = reopen(v1Dir)
  const formatOne = { onDisk: folderBytes(v1Dir), openMs: before.openMs, readLargestMs: before.readLargestMs }
  rmSync(v1Dir, { recursive: true, force: true })
  const after = reopen(dir)
  return { dir, requests: meter.requests, raw: meter.raw, largest: meter.largest, floor: meter.floor, onDisk: folderBytes(dir), recordMs, v1: formatOne, ...after, stats: after.stats! }
}

export async function throughServe(options: SessionOptions): Promise<(Measured & { dir: string }) | string> {
  if (!existsSync('out/cli/cli.js')) return 'not built (`npm run build`)'
  const dir = mkdtempSync(join(tmpdir(), 'mimo-bench-serve-'))
  const meter = new FloorMeter()
  const session = (function* () {
    for (const e of generatedSession(options)) {
      meter.add(e)
      yield e
    }
  })()
  const run = await sessionThroughServe(session, dir)
  const after = reopen(dir)
  return { dir, requests: run.requests, raw: meter.raw, largest: meter.largest, floor: meter.floor, onDisk: folderBytes(dir), recordMs: run.ms, ...after, stats: after.stats! }
}

const mb = (n: number): string => `${(n / 2 ** 20).toFixed(2)} MB`

export function storeTable(rows: [string, Measured | string][]): string {
  const cols = rows.map(([name]) => name)
  const cell = (f: (m: Measured) => string): string[] => rows.map(([, m]) => (typeof m === 'string' ? m : f(m)))
  const line = (label: string, values: string[]): string => `| ${label} | ${values.join(' | ')} |`
  return [
    line('measure', cols),
    line('---', cols.map(() => '---')),
    line('requests (largest request body)', cell((m) => `${m.requests} (${mb(m.largest)})`)),
    line('raw: request + response bodies as sent', cell((m) => mb(m.raw))),
    line('floor: gzip of the last request + gzip of each response', cell((m) => mb(m.floor))),
    line('**on disk** (whole data folder)', cell((m) => `**${mb(m.onDisk)} = ${(m.onDisk / m.floor).toFixed(2)} × floor**`)),
    line('format 1 (before) on disk, same session', cell((m) => (m.v1 ? `${mb(m.v1.onDisk)} = ${(m.v1.onDisk / m.floor).toFixed(2)} × floor` : 'see bench/README.md'))),
    line('dedupe: bodies as sent / distinct chunk bytes', cell((m) => `${(m.stats.logical / m.stats.unique).toFixed(1)} × (${mb(m.stats.logical)} → ${mb(m.stats.unique)})`)),
    line('compression: distinct chunk bytes / pack', cell((m) => `${(m.stats.unique / m.stats.packed).toFixed(2)} × (→ ${mb(m.stats.packed)})`)),
    line('journal (records, chunk lists, segment headers)', cell((m) => `${mb(m.stats.journal)} (${((m.stats.journal / m.stats.exchanges) | 0)} B an exchange)`)),
    line('time to record', cell((m) => `${(m.recordMs / 1000).toFixed(1)} s (${(m.recordMs / m.requests).toFixed(1)} ms a request)`)),
    line('open cold and list (format 1 before)', cell((m) => `${m.openMs.toFixed(1)} ms${m.v1 ? ` (${m.v1.openMs.toFixed(1)} ms)` : ''}`)),
    line('read back the largest request body, cold (format 1 before)', cell((m) => `${m.readLargestMs.toFixed(1)} ms${m.v1 ? ` (${m.v1.readLargestMs.toFixed(1)} ms)` : ''}`)),
    line('RSS growth while opening + listing + reading', cell((m) => `${m.rssMb.toFixed(1)} MB`))
  ].join('\n')
}

export async function storeSession(): Promise<string> {
  const a = inProcess(SESSION_500)
  const b = await throughServe(SESSION_200)
  const text = storeTable([
    ['500 requests, store in-process', a],
    ['200 requests through `serve` (own process)', b]
  ])
  const search = await searchBench(a.dir)
  for (const m of [a, b]) if (typeof m !== 'string') rmSync(m.dir, { recursive: true, force: true })
  return `${text}\n\nBody search on the 500-request session (each query on a freshly opened store):\n\n${search}`
}
