// The proxy's hot path hands recorded bodies to the persist worker without copying them once it has written
// them out, forwards a response head at once even when the body comes later, and loses no byte on the way:
// the recorded bodies are the sent ones, also when read the moment the exchange ends.
import { randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { Persister } from '../../src/main/core/capture/persister'
import type { PersistWire } from '../../src/main/core/capture/persist-wire'
import { Recorder } from '../../src/main/core/capture/recorder'
import { Inspector } from '../../src/main/core/inspector'
import { DEFAULT_TIMEOUTS } from '../../src/main/core/proxy/forward'
import { ReverseProxy } from '../../src/main/core/proxy/reverse-proxy'
import { customProfile } from '../../src/main/core/proxy/upstreams'
import { Store } from '../../src/main/core/store/store'
import type { ExchangeSummary } from '../../src/shared/types'
import { tempDataDir, waitForEnded } from './stack'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A local upstream: `/echo` answers the size it read; `/stream` sends 1 MB in 20 KB writes; `/late-body` sends its head, then its body once `releaseBody()` is called. */
async function upstream(): Promise<{ url: string; releaseBody(): void }> {
  let release: () => void = () => {}
  const released = new Promise<void>((r) => (release = r))
  const server = http.createServer((req, res) => {
    let size = 0
    req.on('data', (c: Buffer) => (size += c.length))
    req.on('end', () => {
      if (req.url === '/stream') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' })
        let sent = 0
        const next = (): void => {
          if (sent >= 1024 * 1024) return void res.end()
          res.write(streamBytes.subarray(sent, sent + 20 * 1024))
          sent += 20 * 1024
          setImmediate(next)
        }
        return next()
      }
      if (req.url === '/late-body') {
        res.writeHead(200, { 'content-type': 'text/event-stream' })
        res.flushHeaders()
        return void released.then(() => res.end('data: late\n\n'))
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ size }))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, releaseBody: () => release() }
}

const streamBytes = randomBytes(1024 * 1024)

/** Sends `body` in writes of 64 KB and collects the answer. */
function send(base: string, path: string, body: Buffer | null, onHead?: () => void): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: body ? 'POST' : 'GET', headers: body ? { 'content-type': 'application/octet-stream', 'content-length': body.length } : {} }, (res) => {
      onHead?.()
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    if (body) for (let at = 0; at < body.length; at += 64 * 1024) req.write(body.subarray(at, at + 64 * 1024))
    req.end()
  })
}

/** The app's recorder and a reverse proxy in front of `upstreamUrl`, with every hand-off to the worker kept for inspection. */
async function proxyWithSpy(upstreamUrl: string): Promise<{ url: string; store: Store; handOffs: Array<{ wire: PersistWire; transfer: ArrayBuffer[] }>; ended(): Promise<ExchangeSummary> }> {
  const dir = tempDataDir()
  const store = Store.open(dir)
  const persister = new Persister(dir)
  const handOffs: Array<{ wire: PersistWire; transfer: ArrayBuffer[] }> = []
  const waiting: Array<(s: ExchangeSummary) => void> = []
  const recorder: Recorder = new Recorder(
    store,
    {
      persist: (wire, transfer) => {
        handOffs.push({ wire, transfer })
        return persister.persist(wire, transfer)
      }
    },
    {
      upserted: (s) => {
        if (s.state !== 'pending' && s.state !== 'streaming' && !recorder.getLive(s.id)) waiting.shift()?.(s)
      },
      recorded: () => undefined,
      storeFailed: () => undefined
    }
  )
  const proxy = new ReverseProxy({ host: '127.0.0.1', port: 0, recorder, upstream: () => customProfile(upstreamUrl), timeouts: DEFAULT_TIMEOUTS })
  const port = await proxy.listen()
  cleanups.push(async () => {
    await proxy.close()
    await recorder.drain()
    await persister.close()
    store.close()
  })
  return { url: `http://127.0.0.1:${port}`, store, handOffs, ended: () => new Promise((r) => waiting.push(r)) }
}

describe('recorded bodies move to the persist worker', () => {
  it('moves a 3 MB request and a 1 MB streamed response chunk by chunk, uncopied, and stores them exactly', async () => {
    const up = await upstream()
    const proxy = await proxyWithSpy(up.url)
    const body = randomBytes(3 * 1024 * 1024)
    let ended = proxy.ended()
    const echo = await send(proxy.url, '/echo', body)
    expect(JSON.parse(echo.body.toString())).toEqual({ size: body.length })
    const first = await ended
    ended = proxy.ended()
    const streamed = await send(proxy.url, '/stream', null)
    expect(streamed.body.equals(streamBytes)).toBe(true)
    const second = await ended

    const [toEcho, toStream] = proxy.handOffs
    // Many parts, each a chunk as the socket delivered it: a copy would be one part.
    expect(toEcho.wire.request.parts.length).toBeGreaterThan(8)
    expect(toStream.wire.response!.parts.length).toBeGreaterThan(8)
    for (const { wire, transfer } of [toEcho, toStream]) {
      const parts = [...wire.request.parts, ...(wire.response?.parts ?? [])]
      expect(transfer.length).toBe(parts.length)
      // Transferred: the memory left this thread with the message.
      for (const p of parts) expect(p.byteLength).toBe(0)
    }
    const stored = (s: ExchangeSummary, part: 'request' | 'response'): Buffer => proxy.store.getBody(proxy.store.get(s.id)![part]!.body!)
    expect(stored(first, 'request').equals(body)).toBe(true)
    expect(stored(second, 'response').equals(streamBytes)).toBe(true)
    expect(first.requestSize).toBe(body.length)
    expect(second.responseSize).toBe(streamBytes.length)
  })

  it('serves the body of an exchange whose bytes are on their way to the store, exactly', async () => {
    const up = await upstream()
    const inspector = await Inspector.start({ dataDir: tempDataDir(), version: 't', shell: 'web', proxyPort: 0, upstream: up.url })
    cleanups.push(() => inspector.close())
    // Big enough that the worker takes a while over it (redaction scan, hashing, compression).
    const text = JSON.stringify({ model: 'mimo-v2.5', messages: [{ role: 'user', content: randomBytes(6 * 1024 * 1024).toString('base64') }] })
    let id: string | null = null
    inspector.events.on('exchange:upserted', (s) => (id ??= s.id))
    const stored = waitForEnded(inspector, 1)
    await send(inspector.proxyStatus().reverse.url, '/echo', Buffer.from(text))
    // Catch the moment the body has left this thread but is not stored yet.
    for (let i = 0; i < 20_000 && !inspector.recorder.getLive(id!)?.request.moved; i++) await new Promise((r) => setImmediate(r))
    expect(inspector.recorder.getLive(id!)?.request.moved).toBe(true)
    const view = await inspector.handlers['exchanges:body']({ id: id!, part: 'request' })
    expect(view.text?.length).toBe(text.length)
    expect(view.text === text).toBe(true)
    await stored
  })
})

describe('response head', () => {
  it('reaches the client before a body that comes later (a stream while the model thinks)', async () => {
    const up = await upstream()
    const proxy = await proxyWithSpy(up.url)
    // The upstream sends the body only once the client has the head: a proxy that held the head back until the
    // first body bytes would never get there.
    const res = await Promise.race([
      send(proxy.url, '/late-body', null, () => up.releaseBody()),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the response head never reached the client')), 5000))
    ])
    expect(res.body.toString()).toBe('data: late\n\n')
  })
})
