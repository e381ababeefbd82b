// Body search over a recorded session (the 500-request one of store-session.ts), each query on a freshly
// opened store (cold caches): time to the first result, to the last, and the longest the event loop was held
// (the search runs on the thread that also proxies and serves the UI).
// `npm run bench -- search` also runs `mimo-inspector serve` on that data folder in its own process and asks
// as the web UI does: exchanges:search with its `search:results` events on the UI's WebSocket, and the list
// filter `body:TEXT` (exchanges:list, answered again when results arrive), while a small call every 10 ms
// measures how long serve's thread was held.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { WebSocket } from 'ws'
import { WEB } from '../src/shared/channels'
import type { ListPage, SearchResults } from '../src/shared/types'
import { Store } from '../src/main/core/store/store'
import { searchBodies } from '../src/main/core/store/search'
import { generatedSession, sessionRecord, type SessionOptions } from '../test/scenarios/generated-session'
import { startChild } from './loopback'

interface Query {
  label: string
  text: string
}

export async function searchBench(dir: string): Promise<string> {
  const queries = sessionQueries(dir)
  const rows = ['| query | hits (bodies) | first result | all done | longest event-loop block |', '| --- | --- | --- | --- | --- |']
  for (const q of queries) {
    const store = Store.open(dir, { readOnly: true })
    const delay = monitorEventLoopDelay({ resolution: 1 })
    delay.enable()
    const t0 = performance.now()
    let first: number | null = null
    let hits = 0
    for await (const _hit of searchBodies(store, { text: q.text })) {
      first ??= performance.now() - t0
      hits++
    }
    const total = performance.now() - t0
    delay.disable()
    store.close()
    rows.push(`| ${label(q)} | ${hits} | ${first === null ? '–' : `${first.toFixed(0)} ms`} | ${total.toFixed(0)} ms | ${(delay.max / 1e6).toFixed(0)} ms |`)
  }
  return rows.join('\n')
}

const label = (q: Query): string => `${q.label}: \`${q.text.slice(0, 32).replace(/\|/g, '\\|')}\``

function sessionQueries(dir: string): Query[] {
  const probe = Store.open(dir, { readOnly: true })
  const newest = probe.records[probe.records.length - 1]
  const lastRequest = probe.getBody(newest.request.body!).toString('utf8')
  const oldest = probe.getBody(probe.records[0].response!.body!).toString('utf8')
  probe.close()
  const toolUse = [...lastRequest.matchAll(/"tool_use_id":"(toolu_\w+)"/g)]
  return [
    { label: 'an id from the middle of the session (in ~half the requests)', text: toolUse[Math.floor(toolUse.length / 2)][1] },
    { label: 'a phrase of the newest tool result (1 request)', text: lastRequest.slice(lastRequest.lastIndexOf('"tool_result"') + 80, lastRequest.lastIndexOf('"tool_result"') + 110) },
    { label: 'a word of the oldest response (1 response, found last)', text: /"text":"([^"]{12,40})"/.exec(oldest)?.[1] ?? 'message_start' },
    { label: 'text in every request (the system prompt)', text: "Anthropic's official CLI" },
    { label: 'text that is nowhere (full scan)', text: 'zq-not-in-any-body-zq' }
  ]
}

/** The session written to a new data folder with the store in-process (the fast way to get 500 requests). */
export function recordSession(options: SessionOptions): string {
  const dir = mkdtempSync(join(tmpdir(), 'mimo-bench-search-'))
  const store = Store.open(dir)
  let seq = 1
  for (const e of generatedSession(options)) store.append(sessionRecord(e, seq++, (b, kind) => store.putBody(b, kind)))
  store.close()
  return dir
}

interface Serve {
  call<T>(name: string, arg: unknown): Promise<T>
  /** Resolves with the first event of that name `accept` takes, and the time it arrived. */
  next<T>(event: string, accept: (payload: T) => boolean): Promise<{ payload: T; at: number }>
  stop(): Promise<void>
}

async function serveOn(dir: string): Promise<Serve | string> {
  if (!existsSync('out/cli/cli.js')) return 'not built (`npm run build`)'
  // Nothing is proxied here; the upstream is never asked.
  const r = await startChild(process.execPath, ['bin/mimo-inspector.js', 'serve', '--port', '0', '--proxy-port', '0', '--upstream', 'http://127.0.0.1:9', '--data-dir', dir], (out) =>
    out.includes('Ctrl+C') ? (/UI:\s+(http:\/\/[^/\s]+\/\?token=\S+)/.exec(out)?.[1] ?? null) : null,
    async (u) => (await fetch(u)).ok || Promise.reject(new Error('not yet'))
  )
  if (typeof r === 'string') return `serve did not start: ${r}`
  const [, base, token] = /(http:\/\/[^/\s]+)\/\?token=(\S+)/.exec(r.url)!
  const ws = new WebSocket(`${base.replace('http', 'ws')}${WEB.eventsPath}?${WEB.tokenQuery}=${token}`)
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  const waiting = new Set<(event: string, payload: unknown, at: number) => boolean>()
  ws.on('message', (data) => {
    const at = performance.now()
    const { event, payload } = JSON.parse(String(data)) as { event: string; payload: unknown }
    for (const w of waiting) if (w(event, payload, at)) waiting.delete(w)
  })
  return {
    call: async <T>(name: string, arg: unknown): Promise<T> => {
      const res = await fetch(`${base}${WEB.callPath(name as never)}`, { method: 'POST', headers: { 'content-type': 'application/json', [WEB.tokenHeader]: token }, body: JSON.stringify(arg) })
      const body = (await res.json()) as T & { error?: string }
      if (!res.ok) throw new Error(`${name}: ${body.error}`)
      return body
    },
    next: <P>(event: string, accept: (payload: P) => boolean) =>
      new Promise<{ payload: P; at: number }>((resolve) => {
        waiting.add((e, payload, at) => e === event && accept(payload as P) && (resolve({ payload: payload as P, at }), true))
      }),
    stop: async () => {
      ws.close()
      await r.stop()
    }
  }
}

/** Calls `store:status` every 10 ms while `work` runs: the longest answer is how long serve's thread was held. */
async function heldWhile<T>(serve: Serve, work: () => Promise<T>): Promise<{ result: T; longest: number }> {
  let running = true
  let longest = 0
  const pinger = (async () => {
    while (running) {
      const t = performance.now()
      await serve.call('store:status', null)
      longest = Math.max(longest, performance.now() - t)
      await new Promise((r) => setTimeout(r, 10))
    }
  })()
  try {
    return { result: await work(), longest }
  } finally {
    running = false
    await pinger
  }
}

export async function searchThroughServe(dir: string): Promise<string> {
  const queries = sessionQueries(dir)
  const serve = await serveOn(dir)
  if (typeof serve === 'string') return serve
  const ms = (v: number | null): string => (v === null ? '–' : `${v.toFixed(0)} ms`)
  const rows = [
    '| query | hits (bodies) | exchanges:search: first hit event | done event | list `body:TEXT`: first page with a row | list complete | longest answer of a 10 ms ping |',
    '| --- | --- | --- | --- | --- | --- | --- |'
  ]
  try {
    for (const q of queries) {
      // The search call and its events, as a client of the contract sees them.
      const { result, longest: held1 } = await heldWhile(serve, async () => {
        const t0 = performance.now()
        let hits = 0
        let first: number | null = null
        const counted = (r: SearchResults): boolean => {
          hits += r.hits.length
          if (r.hits.length > 0) first ??= performance.now() - t0
          return false
        }
        void serve.next<SearchResults>('search:results', counted)
        const { searchId } = await serve.call<{ searchId: string }>('exchanges:search', { text: q.text })
        const done = await serve.next<SearchResults>('search:results', (r) => r.searchId === searchId && r.done)
        return { hits, first, total: done.at - t0 }
      })
      // The list filter: the first answer starts the search, each results event means "ask again".
      const { result: list, longest: held2 } = await heldWhile(serve, async () => {
        const t0 = performance.now()
        const filter = `body:"${q.text.replace(/"/g, '')}"`
        let firstRow: number | null = null
        for (;;) {
          const changed = serve.next<SearchResults>('search:results', () => true)
          const page = await serve.call<ListPage>('exchanges:list', { offset: 0, limit: 100, filter })
          if (page.items.length > 0) firstRow ??= performance.now() - t0
          if (!page.bodySearch || page.bodySearch.done) return { firstRow, total: performance.now() - t0, rows: page.total }
          await Promise.race([changed, new Promise((r) => setTimeout(r, 200))])
        }
      })
      rows.push(`| ${label(q)} | ${result.hits} | ${ms(result.first)} | ${ms(result.total)} | ${ms(list.firstRow)} (${list.rows} rows) | ${ms(list.total)} | ${ms(Math.max(held1, held2))} |`)
    }
  } finally {
    await serve.stop()
  }
  return rows.join('\n')
}
