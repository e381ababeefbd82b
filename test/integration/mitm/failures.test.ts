// Failures on intercepted hosts behave as in the reverse proxy: 502 JSON from the inspector when the upstream
// cannot be reached, a cut client when the upstream cuts, an aborted upstream when the client leaves.
import http from 'node:http'
import https from 'node:https'
import net, { type AddressInfo } from 'node:net'
import { Duplex } from 'node:stream'
import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../emulator/server'
import { agentFetch, connectTunnel, hasOpenssl, makeTestPki, PAYG_KEY, proxyAgent, startMitm, type MitmSetup, type TestPki } from './fixture'
import { skipUnless } from '../../needs'

const headers = { 'content-type': 'application/json', authorization: `Bearer ${PAYG_KEY}` }
const chatBody = JSON.stringify({ model: 'mimo-v2-flash', stream: true, messages: [{ role: 'user', content: 'hi' }] })

const openssl = hasOpenssl()

describe.skipIf(skipUnless(openssl, 'openssl (it makes the test certificates)'))('failures through the forward proxy', () => {
  let pki: TestPki
  let emulator: Emulator
  let mitm: MitmSetup
  let viaProxy: typeof fetch
  let streamServer: https.Server
  let upstreamClosedAt = 0
  let closedPort: number

  beforeAll(async () => {
    pki = makeTestPki()
    emulator = await startEmulator({ tls: { key: pki.key, cert: pki.cert } })
    // An upstream that streams forever and notes when its socket closes.
    streamServer = https.createServer({ key: pki.key, cert: pki.cert }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      const timer = setInterval(() => res.write('data: {"choices":[{"delta":{"content":"x"}}]}\n\n'), 20)
      res.on('close', () => {
        clearInterval(timer)
        upstreamClosedAt = performance.now()
      })
    })
    await new Promise<void>((r) => streamServer.listen(0, '127.0.0.1', r))
    const probe = http.createServer()
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r))
    closedPort = (probe.address() as AddressInfo).port
    await new Promise((r) => probe.close(r))
    mitm = await startMitm([pki.caPem])
    viaProxy = agentFetch(proxyAgent(mitm.port, [mitm.ourCa]))
  })
  afterAll(async () => {
    await mitm?.close()
    await emulator?.close()
    streamServer?.closeAllConnections()
    streamServer?.close()
  })

  it('answers 502 JSON (like the reverse proxy) when the upstream refuses, and records a failure', async () => {
    const ended = mitm.rec.ended()
    const res = await viaProxy(`https://api.mimo.test:${closedPort}/v1/chat/completions`, { method: 'POST', headers, body: chatBody })
    expect(res.status).toBe(502)
    expect(res.headers.get('x-mimo-inspector')).toBe('upstream-error')
    const body = (await res.json()) as { error: { type: string; message: string } }
    expect(body.error.type).toBe('upstream_refused')
    expect(body.error.message).toMatch(/^MiMo Inspector: /)
    const [summary] = await ended
    expect(summary).toMatchObject({ mode: 'mitm', state: 'failed' })
    expect(summary.error).toMatch(/ECONNREFUSED/)
  })

  it('cuts the client when the upstream cuts mid-stream, and records the partial body', async () => {
    emulator.fail({ cut: 'mid-stream', afterEvents: 3 })
    const ended = mitm.rec.ended()
    const res = await viaProxy(`https://api.mimo.test:${emulator.port}/v1/chat/completions`, { method: 'POST', headers, body: chatBody })
    expect(res.status).toBe(200)
    await expect(res.text()).rejects.toThrow()
    const [summary] = await ended
    expect(summary).toMatchObject({ mode: 'mitm', state: 'aborted' })
    expect(summary.error).toMatch(/mid-response/)
  })

  it('aborts the upstream request within 100 ms when the client disconnects mid-stream', async () => {
    const ended = mitm.rec.ended()
    const port = (streamServer.address() as AddressInfo).port
    const agent = proxyAgent(mitm.port, [mitm.ourCa])
    const clientGoneAt = await new Promise<number>((resolve) => {
      const req = https.request(`https://other.mimo.test:${port}/v1/chat/completions`, { method: 'POST', headers, agent }, (res) => {
        let chunks = 0
        res.on('data', () => {
          if (++chunks === 3) {
            req.destroy()
            resolve(performance.now())
          }
        })
      })
      req.end(chatBody)
    })
    const [summary] = await ended
    expect(summary).toMatchObject({ mode: 'mitm', state: 'aborted' })
    expect(summary.error).toMatch(/client disconnected/)
    await expect.poll(() => upstreamClosedAt, { timeout: 2000 }).toBeGreaterThan(0)
    expect(upstreamClosedAt - clientGoneAt).toBeLessThan(100)
  })

  it('keeps the request target as sent (no URL normalisation of dot segments or braces)', async () => {
    const ended = mitm.rec.ended()
    emulator.reset()
    const target = '/x/./{y}/../v1/chat/%7e?a=%2F'
    const socket = await connectTunnel(mitm.port, `api.mimo.test:${emulator.port}`)
    const secure = tls.connect({ socket, servername: 'api.mimo.test', ca: mitm.ourCa })
    await new Promise<string>((resolve, reject) => {
      let text = ''
      secure.on('data', (c: Buffer) => (text += c.toString()))
      secure.on('end', () => resolve(text))
      secure.on('error', reject)
      secure.write(`GET ${target} HTTP/1.1\r\nHost: api.mimo.test\r\nConnection: close\r\n\r\n`)
    })
    expect(emulator.received[0].path).toBe(target)
    expect((await ended)[0].path).toBe(target)
  })

  it('accepts a ClientHello sent right behind the CONNECT (no wait for the 200)', async () => {
    const raw = net.connect(mitm.port, '127.0.0.1')
    await new Promise((r) => raw.once('connect', r))
    // A duplex that strips the proxy's 200 reply, so the TLS client sees only the tunnel's bytes.
    let head = Buffer.alloc(0)
    let inTunnel = false
    // The CONNECT goes out in the same write as the ClientHello, so the proxy gets both in one read.
    let connect: Buffer | null = Buffer.from(`CONNECT api.mimo.test:${emulator.port} HTTP/1.1\r\nHost: api.mimo.test\r\n\r\n`)
    const tunnel = new Duplex({
      read() {},
      write(chunk: Buffer, _enc, cb) {
        raw.write(connect ? Buffer.concat([connect, chunk]) : chunk, cb)
        connect = null
      }
    })
    raw.on('data', (c: Buffer) => {
      if (inTunnel) return void tunnel.push(c)
      head = Buffer.concat([head, c])
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) return
      inTunnel = true
      if (head.length > end + 4) tunnel.push(head.subarray(end + 4))
    })
    const secure = tls.connect({ socket: tunnel, servername: 'api.mimo.test', ca: mitm.ourCa })
    const ended = mitm.rec.ended()
    const reply = await new Promise<string>((resolve, reject) => {
      let text = ''
      secure.on('data', (c: Buffer) => (text += c.toString()))
      secure.on('end', () => resolve(text))
      secure.on('error', reject)
      secure.write(`GET /health HTTP/1.1\r\nHost: api.mimo.test\r\nConnection: close\r\n\r\n`)
    })
    expect(reply).toMatch(/^HTTP\/1\.1 200/)
    expect(reply).toMatch(/\r\n\r\n(2\r\n)?ok/)
    expect((await ended)[0]).toMatchObject({ mode: 'mitm', method: 'GET', path: '/health', status: 200 })
    raw.destroy()
  })
})
