// Added latency of the reverse proxy against a direct call and a bare Node pipe proxy (the floor for any
// proxy written in Node), on loopback, measured in the same run.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Inspector } from '../src/main/core/inspector'

export const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

export async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

export function upstream(): http.Server {
  return http.createServer((req, res) => {
    if (req.url?.startsWith('/sse')) {
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      let i = 0
      const tick = (): void => {
        // 2,000 small events in bursts of 50 per tick.
        for (let n = 0; n < 50 && i < 2000; n++, i++) res.write(`data: {"choices":[{"delta":{"content":"tok${i}"}}]}\n\n`)
        if (i < 2000) setImmediate(tick)
        else res.end('data: [DONE]\n\n')
      }
      tick()
      return
    }
    let size = 0
    req.on('data', (c: Buffer) => (size += c.length))
    req.on('end', () => {
      const body = JSON.stringify({ received: size })
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
      res.end(body)
    })
  })
}

export function pipeProxy(target: string): http.Server {
  const t = new URL(target)
  return http.createServer((req, res) => {
    const up = http.request({ host: t.hostname, port: t.port, path: req.url, method: req.method, headers: req.headers, agent }, (ur) => {
      res.writeHead(ur.statusCode!, ur.headers)
      ur.pipe(res)
    })
    req.pipe(up)
  })
}

export interface Timing {
  total: number
  ttfb: number
}

export function once(base: string, path: string, body: Buffer | null): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const req = http.request(`${base}${path}`, { method: body ? 'POST' : 'GET', agent, headers: body ? { 'content-type': 'application/json', 'content-length': body.length } : {} }, (res) => {
      let ttfb = 0
      res.on('data', () => {
        if (!ttfb) ttfb = performance.now() - t0
      })
      res.on('end', () => resolve({ total: performance.now() - t0, ttfb }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body ?? undefined)
  })
}

export const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}

/** Interleaves the targets round by round so machine noise hits all of them alike. */
export async function measure(targets: Record<string, string>, path: string, body: Buffer | null, rounds: number): Promise<Record<string, Timing[]>> {
  const out: Record<string, Timing[]> = Object.fromEntries(Object.keys(targets).map((k) => [k, []]))
  for (const [name, base] of Object.entries(targets)) for (let i = 0; i < 20; i++) await once(base, path, body) // warm up
  for (let r = 0; r < rounds; r++) for (const [name, base] of Object.entries(targets)) out[name].push(await once(base, path, body))
  return out
}

export async function proxyOverhead(): Promise<string> {
  const up = upstream()
  const upUrl = await listen(up)
  const pipe = pipeProxy(upUrl)
  const pipeUrl = await listen(pipe)
  const inspector = await Inspector.start({ dataDir: mkdtempSync(join(tmpdir(), 'mimo-bench-')), version: 'bench', shell: 'web', proxyPort: 0, upstream: upUrl })
  const targets = { direct: upUrl, 'pipe proxy': pipeUrl, 'mimo-inspector': inspector.proxyStatus().reverse.url }
  const lines: string[] = ['| case | direct | bare pipe proxy | mimo-inspector (reverse) | added by inspector vs direct |', '| --- | --- | --- | --- | --- |']
  const row = (label: string, r: Record<string, Timing[]>, pick: (t: Timing) => number, p: number): void => {
    const v = Object.fromEntries(Object.entries(r).map(([k, ts]) => [k, pct(ts.map(pick), p)]))
    lines.push(`| ${label} | ${v.direct.toFixed(2)} ms | ${v['pipe proxy'].toFixed(2)} ms | ${v['mimo-inspector'].toFixed(2)} ms | ${(v['mimo-inspector'] - v.direct).toFixed(2)} ms |`)
  }
  const small = await measure(targets, '/v1/chat/completions', Buffer.alloc(2048, 'a'), 500)
  row('2 KB request, p50', small, (t) => t.total, 50)
  row('2 KB request, p99', small, (t) => t.total, 99)
  const mb1 = await measure(targets, '/v1/chat/completions', Buffer.alloc(1024 * 1024, 'b'), 40)
  row('1 MB request, p50', mb1, (t) => t.total, 50)
  const mb5 = await measure(targets, '/v1/chat/completions', Buffer.alloc(5 * 1024 * 1024, 'c'), 20)
  row('5 MB request, p50', mb5, (t) => t.total, 50)
  const sse = await measure(targets, '/sse', null, 40)
  row('SSE 2,000 events, first byte p50', sse, (t) => t.ttfb, 50)
  row('SSE 2,000 events, last byte p50', sse, (t) => t.total, 50)
  const concurrent = async (base: string): Promise<number> => {
    const t0 = performance.now()
    await Promise.all(Array.from({ length: 20 }, () => once(base, '/sse', null)))
    return performance.now() - t0
  }
  const conc: Record<string, Timing[]> = { direct: [], 'pipe proxy': [], 'mimo-inspector': [] }
  for (let r = 0; r < 10; r++) for (const [k, base] of Object.entries(targets)) conc[k].push({ total: await concurrent(base), ttfb: 0 })
  row('20 concurrent SSE streams, all done p50', conc, (t) => t.total, 50)
  await inspector.close()
  up.close()
  pipe.close()
  agent.destroy()
  return lines.join('\n')
}
