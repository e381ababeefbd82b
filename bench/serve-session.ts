// Sends a generated session through `mimo-inspector serve` (the built command, in its own process) to a local
// upstream that answers each request with the session's streamed response, then stops serve cleanly so the
// data folder holds everything it recorded.
import { spawn } from 'node:child_process'
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { GeneratedExchange } from '../test/scenarios/generated-session'

export interface ServeRun {
  requests: number
  /** Wall time to send them all (client → serve → upstream and back). */
  ms: number
}

export async function sessionThroughServe(exchanges: Iterable<GeneratedExchange>, dataDir: string): Promise<ServeRun> {
  const queue: GeneratedExchange[] = []
  const upstream = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const next = queue.shift()
      if (!next) return void res.writeHead(500).end('no response queued')
      res.writeHead(200, Object.fromEntries(next.responseHeaders))
      // One write a tick, as a server flushing events would: serve records each arrival.
      const writes = [...next.responseWrites]
      const pump = (): void => {
        const w = writes.shift()
        if (!w) return void res.end()
        res.write(w)
        setImmediate(pump)
      }
      pump()
    })
  })
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r))
  const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`
  const child = spawn(process.execPath, ['bin/mimo-inspector.js', 'serve', '--port', '0', '--proxy-port', '0', '--upstream', upstreamUrl, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (out += d))
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
  try {
    const proxy = await waitFor(() => /Proxy:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? null, () => out)
    let requests = 0
    const t0 = performance.now()
    for (const e of exchanges) {
      queue.push(e)
      const res = await send(proxy, e)
      if (res.statusCode !== 200) throw new Error(`serve answered ${res.statusCode}`)
      requests++
    }
    const ms = performance.now() - t0
    child.kill('SIGTERM')
    const code = await exited
    if (code !== 0) throw new Error(`serve exited with ${code}: ${out.slice(-500)}`)
    return { requests, ms }
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await new Promise((r) => upstream.close(r))
  }
}

function send(proxy: string, e: GeneratedExchange): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const headers = Object.fromEntries(e.requestHeaders.filter(([k]) => k !== 'host'))
    const req = httpRequest(`${proxy}${e.path}`, { method: e.method, headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(e.request)
  })
}

async function waitFor<T>(get: () => T | null, log: () => string): Promise<T> {
  const deadline = Date.now() + 20_000
  for (;;) {
    const v = get()
    if (v !== null) return v
    if (Date.now() > deadline) throw new Error(`serve did not start: ${log().slice(-500)}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}
