// Shared parts of the proxy benches: a local upstream and a bare Node pipe proxy (each run in a process of its
// own by loopback-child.ts), a keep-alive client that times requests, and interleaved measurement.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'

export const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

export async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

export const SSE_EVENTS = 2000

/** What the upstream answers on a URL that says `tools`: a tool call with its reasoning (what a restore puts back). */
export const TOOL_TURN = {
  role: 'assistant',
  content: null,
  reasoning_content: 'The user wants the file read first. '.repeat(12).trim(),
  tool_calls: [{ id: 'call_bench_1', type: 'function', function: { name: 'read_file', arguments: '{"path":"src/a.ts"}' } }]
}

/**
 * The upstream: reads the whole request, then answers a small chat completion (with the URL saying `tools`,
 * TOOL_TURN), or, when the URL says `sse`, 2,000 small stream events in bursts of 50 per tick (the first burst
 * right away).
 */
export function upstream(): http.Server {
  const reply = JSON.stringify({
    id: 'chatcmpl-bench',
    object: 'chat.completion',
    model: 'mimo-v2-flash',
    choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Done. '.repeat(40) } }],
    usage: { prompt_tokens: 512, completion_tokens: 80, total_tokens: 592 }
  })
  const toolReply = JSON.stringify({
    id: 'chatcmpl-bench-tools',
    object: 'chat.completion',
    model: 'mimo-v2-flash',
    choices: [{ index: 0, finish_reason: 'tool_calls', message: TOOL_TURN }],
    usage: { prompt_tokens: 512, completion_tokens: 80, total_tokens: 592 }
  })
  const server = http.createServer((req, res) => {
    req.on('data', () => {})
    req.on('end', () => {
      if (req.url?.includes('sse')) {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
        let i = 0
        const tick = (): void => {
          for (let n = 0; n < 50 && i < SSE_EVENTS; n++, i++) {
            res.write(`data: {"id":"chatcmpl-bench","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"tok${i} "}}]}\n\n`)
          }
          if (i < SSE_EVENTS) setImmediate(tick)
          else res.end('data: [DONE]\n\n')
        }
        tick()
        return
      }
      const body = req.url?.includes('tools') ? toolReply : reply
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
      res.end(body)
    })
  })
  // Like a real API, it keeps idle connections a while: with Node's default 5 s, a proxy reusing one as it
  // closes gets a reset, and the bench would measure that race instead of the proxy.
  server.keepAliveTimeout = 65_000
  return server
}

/** The floor for any proxy written in Node: `http.request` + `pipe`, headers passed as received. */
export function pipeProxy(target: string): http.Server {
  const t = new URL(target)
  const upAgent = new http.Agent({ keepAlive: true })
  const server = http.createServer((req, res) => {
    const up = http.request({ host: t.hostname, port: t.port, path: req.url, method: req.method, headers: { ...req.headers, host: t.host }, agent: upAgent }, (ur) => {
      res.writeHead(ur.statusCode!, ur.headers)
      ur.pipe(res)
    })
    up.on('error', () => res.destroy())
    req.pipe(up)
  })
  server.keepAliveTimeout = 65_000 // as the inspector's proxy keeps them
  return server
}

export interface Timing {
  total: number
  ttfb: number
}

/** Requests resent because a kept-alive socket was closed as it was reused (the bench reports how many). */
export const resent = { count: 0 }

/** One request on the keep-alive agent; resent once when a kept-alive socket turns out to be closed as it is reused. */
export function once(base: string, path: string, body: Buffer | null, retry = true): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now()
    const headers: http.OutgoingHttpHeaders = body ? { 'content-type': 'application/json', 'content-length': body.length, authorization: 'Bearer sk-bench0000000000000000000000000000' } : {}
    const req = http.request(`${base}${path}`, { method: body ? 'POST' : 'GET', agent, headers }, (res) => {
      let ttfb = 0
      res.on('data', () => {
        if (!ttfb) ttfb = performance.now() - t0
      })
      res.on('end', () => resolve({ total: performance.now() - t0, ttfb }))
      res.on('error', reject)
    })
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (retry && req.reusedSocket && err.code === 'ECONNRESET') {
        resent.count++
        once(base, path, body, false).then(resolve, reject)
      } else reject(err)
    })
    req.end(body ?? undefined)
  })
}

export const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

export interface MeasureOptions {
  /** Requests per target. */
  rounds: number
  /** Pause before each request (a real agent sends one every few seconds at most). */
  gapMs?: number
  warmup?: number
  /** Called after the warm-up, before the measured rounds. */
  onStart?(): void
}

/**
 * Interleaves the targets round by round (round robin) so machine noise hits all of them alike; each round
 * starts one target further on, so none always follows the same other one.
 */
export async function measure(targets: Record<string, string>, path: string, body: Buffer | null, o: MeasureOptions): Promise<Record<string, Timing[]>> {
  const entries = Object.entries(targets)
  const out: Record<string, Timing[]> = Object.fromEntries(entries.map(([k]) => [k, []]))
  const warmup = o.warmup ?? 10
  for (let i = 0; i < warmup; i++) for (const [, base] of entries) await once(base, path, body)
  o.onStart?.()
  for (let r = 0; r < o.rounds; r++) {
    for (let k = 0; k < entries.length; k++) {
      const [name, base] = entries[(r + k) % entries.length]
      if (o.gapMs) await sleep(o.gapMs)
      out[name].push(await once(base, path, body))
    }
  }
  return out
}

/** Deterministic pseudo-random text (mulberry32), so bodies are realistic JSON and the same every run. */
export function seededWords(seed: number): () => string {
  let s = seed >>> 0
  const rnd = (): number => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const words = 'the a model tool call function result error request stream token thinking message user assistant system content file line code return const let value index array object string number async await import export class interface type null true false if else for while'.split(' ')
  return () => words[Math.floor(rnd() * words.length)]
}

/** An OpenAI chat request of about `bytes` bytes: a history of alternating turns, as agents re-send it. */
export function chatBody(bytes: number, stream: boolean, seed = 1): Buffer {
  const word = seededWords(seed)
  const messages: { role: string; content: string }[] = [{ role: 'system', content: 'You are a coding agent.' }]
  let size = 120
  while (size < bytes) {
    const n = Math.min(400, Math.max(8, Math.floor((bytes - size) / 6)))
    const content = Array.from({ length: n }, word).join(' ')
    messages.push({ role: messages.length % 2 ? 'user' : 'assistant', content })
    size += content.length + 40
  }
  return Buffer.from(JSON.stringify({ model: 'mimo-v2-flash', stream, max_tokens: 1024, messages }))
}

export interface Child {
  pid: number
  url: string
  /** What it printed up to the moment it answered. */
  output: string
  stop(): Promise<void>
}

/**
 * Starts a process and waits until the URL `url()` reads from its output answers (`ready`, by default a small
 * POST); the reason, when it does not.
 */
export async function startChild(
  cmd: string,
  args: string[],
  url: (out: string) => string | null,
  ready?: (url: string) => Promise<unknown>,
  env?: NodeJS.ProcessEnv
): Promise<Child | string> {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env })
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  let failed = false
  const exited = new Promise<void>((r) => {
    child.on('exit', () => r())
    child.on('error', (e) => {
      out += e.message
      failed = true
      r()
    })
  })
  const stop = async (): Promise<void> => {
    if (!failed && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  }
  const deadline = Date.now() + 30_000
  for (;;) {
    const u = url(out)
    if (u) {
      try {
        await (ready ? ready(u) : once(u, '/v1/chat/completions', Buffer.from('{}')))
        return { pid: child.pid!, url: u, output: out, stop }
      } catch {
        /* not listening yet */
      }
    }
    if (failed || child.exitCode !== null || Date.now() > deadline) {
      await Promise.race([stop(), sleep(2000)])
      return out.trim().split('\n').pop() || `exit ${child.exitCode}`
    }
    await sleep(100)
  }
}

/** The upstream or the bare pipe proxy in a Node process of its own (loopback-child.ts, through tsx). */
export async function startLoopbackChild(role: 'upstream' | 'pipe', target?: string): Promise<Child> {
  const entry = fileURLToPath(new URL('./loopback-child.ts', import.meta.url))
  const r = await startChild(process.execPath, [...process.execArgv, entry, role, ...(target ? [target] : [])], (out) => /LISTENING (\S+)/.exec(out)?.[1] ?? null)
  if (typeof r === 'string') throw new Error(`bench ${role} did not start: ${r}`)
  return r
}

/**
 * CPU time (ms) a process has used so far, from /proc (Linux): `main` is its main thread (the proxy's thread
 * in `serve`), `all` every thread. null elsewhere.
 */
export function cpuMs(pid: number): { main: number; all: number } | null {
  try {
    const ticks = (file: string): number => {
      const f = readFileSync(file, 'utf8')
      const rest = f.slice(f.lastIndexOf(')') + 2).split(' ')
      return Number(rest[11]) + Number(rest[12]) // utime, stime (fields 14, 15)
    }
    const hz = 100 // USER_HZ on Linux
    return { main: (ticks(`/proc/${pid}/task/${pid}/stat`) * 1000) / hz, all: (ticks(`/proc/${pid}/stat`) * 1000) / hz }
  } catch {
    return null
  }
}
