// What the forward proxy does NOT intercept: CONNECTs to other hosts are blind tunnels (the client sees the
// real server's certificate), plain-HTTP proxy requests pass through, and neither is recorded.
import { X509Certificate } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectTunnel, hasOpenssl, makeTestPki, startMitm, type MitmSetup, type TestPki } from './fixture'
import { skipUnless } from '../../needs'

function listen(server: http.Server | https.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))
}

function tlsThrough(socket: import('node:stream').Duplex, ca: string, servername?: string): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const s = tls.connect({ socket, ca, servername, ALPNProtocols: ['http/1.1'] }, () => resolve(s))
    s.once('error', reject)
  })
}

function get(socket: tls.TLSSocket, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    socket.on('data', (c: Buffer) => (text += c.toString()))
    socket.on('end', () => resolve(text))
    socket.on('error', reject)
    socket.write(`GET /hello HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)
  })
}

const openssl = hasOpenssl()

describe.skipIf(skipUnless(openssl, 'openssl (it makes the test certificates)'))('hosts not on the capture list', () => {
  let other: TestPki
  let otherServer: https.Server
  let otherPort: number
  let plainServer: http.Server
  let plainPort: number
  let mitm: MitmSetup

  beforeAll(async () => {
    other = makeTestPki('Some Other Real CA')
    otherServer = https.createServer({ key: other.key, cert: other.cert }, (_req, res) => res.end('real server'))
    otherPort = await listen(otherServer)
    plainServer = http.createServer((req, res) => res.end(`plain ${req.url} ${req.headers.host}`))
    plainPort = await listen(plainServer)
    mitm = await startMitm([])
  })
  afterAll(async () => {
    await mitm?.close()
    otherServer?.closeAllConnections()
    otherServer?.close()
    plainServer?.close()
  })

  it('tunnels the bytes untouched: the client sees the real certificate, not ours', async () => {
    const before = mitm.rec.summaries.length
    const socket = await tlsThrough(await connectTunnel(mitm.port, `localhost:${otherPort}`), other.caPem, 'localhost')
    const seen = socket.getPeerX509Certificate()!
    expect(seen.fingerprint256).toBe(new X509Certificate(other.cert).fingerprint256)
    expect(seen.issuer).toContain('Some Other Real CA')
    expect(seen.verify(new X509Certificate(mitm.ourCa).publicKey)).toBe(false)
    const reply = await get(socket, `localhost:${otherPort}`)
    expect(reply).toMatch(/^HTTP\/1\.1 200 OK/)
    expect(reply.endsWith('real server')).toBe(true)
    expect(mitm.rec.summaries.length).toBe(before)
  })

  it('a captured name gets our leaf for exactly that name, signed by our CA', async () => {
    const socket = await tlsThrough(await connectTunnel(mitm.port, 'api.mimo.test:443'), mitm.ourCa, 'api.mimo.test')
    const leaf = socket.getPeerX509Certificate()!
    expect(leaf.subjectAltName).toBe('DNS:api.mimo.test')
    expect(leaf.verify(new X509Certificate(mitm.ourCa).publicKey)).toBe(true)
    expect(leaf.ca).toBe(false)
    socket.destroy()
  })

  it('answers 502 on CONNECT when the tunnel target is unreachable', async () => {
    const closed = http.createServer()
    const port = await listen(closed)
    closed.close()
    await expect(connectTunnel(mitm.port, `127.0.0.1:${port}`)).rejects.toThrow(/502/)
  })

  it('passes plain-HTTP proxy requests through unrecorded', async () => {
    const before = mitm.rec.summaries.length
    const text = await new Promise<string>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: mitm.port, path: `http://127.0.0.1:${plainPort}/x?y=1`, headers: { host: `127.0.0.1:${plainPort}` } }, (res) => {
          let body = ''
          res.on('data', (c: Buffer) => (body += c.toString()))
          res.on('end', () => resolve(body))
        })
        .on('error', reject)
    })
    expect(text).toBe(`plain /x?y=1 127.0.0.1:${plainPort}`)
    expect(mitm.rec.summaries.length).toBe(before)
  })

  it('serves its CA at /ca.pem and explains itself on other direct requests', async () => {
    const pem = await (await fetch(`http://127.0.0.1:${mitm.port}/ca.pem`)).text()
    expect(pem).toBe(mitm.ourCa)
    const res = await fetch(`http://127.0.0.1:${mitm.port}/v1/chat/completions`)
    expect(res.status).toBe(400)
    expect(await res.text()).toMatch(/HTTPS_PROXY/)
  })
})
