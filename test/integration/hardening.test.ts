// Hostile or odd input at the edges: a crafted HAR cannot put shell code in curl.sh, a reset WebSocket
// upgrade or a proxy-style request target cannot crash the process, a key in a compressed body or a query
// string is not stored, and a minimize oracle whose upstream breaks mid-answer stops instead of hanging.
import http from 'node:http'
import net from 'node:net'
import { gzipSync } from 'node:zlib'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/core/inspector'
import { parseImport } from '../../src/main/core/import/parse-import'
import { ImportError } from '../../src/main/core/import/import-entry'
import { curlScript, target } from '../../src/main/core/repro/export/scripts'
import { startWebServer } from '../../src/main/core/web/server'
import { upstreamOracle } from '../../src/main/core/repro/upstream-oracle'
import { KeyVault } from '../../src/main/core/replay/key-vault'
import { OracleStop } from '../../src/main/core/repro/minimize'
import { DEFAULT_TIMEOUTS } from '../../src/main/core/proxy/forward'
import { tempDataDir, waitForEnded } from './stack'
import { everyStoredByte, leakedIn } from './data-folder'

const cleanups: Array<() => Promise<unknown> | unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  cleanups.push(() => new Promise((r) => server.close(r)))
  return `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`
}

async function inspectorFor(upstream: string): Promise<Inspector> {
  const inspector = await Inspector.start({ dataDir: tempDataDir(), version: 't', shell: 'web', proxyPort: 0, upstream })
  cleanups.push(() => inspector.close())
  return inspector
}

describe('curl.sh from a crafted file', () => {
  it('refuses a method that is not an HTTP token, and quotes method and origin', () => {
    const har = { log: { entries: [{ request: { method: 'POST||touch${IFS}/tmp/pwned;#', url: 'https://api.xiaomimimo.com/v1/chat/completions', headers: [] } }] } }
    const parsed = parseImport(JSON.stringify(har))
    expect(parsed.entries).toHaveLength(0)
    expect(parsed.skipped[0]).toMatch(/not an HTTP method/)
    expect(() => parseImport(JSON.stringify({ request: { method: 'GET;rm', path: '/v1/chat/completions', body: {} } }))).toThrow(ImportError)
    const script = curlScript(target('https://api.xiaomimimo.com/v1/chat/completions', 'post', []), 'x')
    expect(script).toContain("DEFAULT_BASE_URL='https://api.xiaomimimo.com'")
    expect(script).toContain("curl -sS -N -X 'POST' ")
    expect(curlScript(target('https://x/p', 'P$(id)', []), 'x')).toContain("-X 'POST'")
  })
})

describe('requests that must not crash serve', () => {
  it('a WebSocket upgrade refused and then reset by the peer', async () => {
    const inspector = await inspectorFor('http://127.0.0.1:9')
    const web = await startWebServer({ host: '127.0.0.1', port: 0, handlers: inspector.handlers, events: inspector.events, staticDir: tempDataDir() })
    cleanups.push(() => web.close())
    for (let i = 0; i < 20; i++) {
      const socket = net.connect(web.port, '127.0.0.1')
      await new Promise((r) => socket.once('connect', r))
      socket.write(`GET /nope HTTP/1.1\r\nHost: 127.0.0.1:${web.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: x\r\nSec-WebSocket-Version: 13\r\n\r\n`)
      socket.resetAndDestroy()
    }
    await new Promise((r) => setTimeout(r, 100))
    const res = await fetch(`${web.url}api/call/app:info`, { method: 'POST', headers: { 'x-inspector-token': web.token }, body: 'null' })
    expect(res.status).toBe(200)
  })

  it('a proxy-style or asterisk request target gets 400 from the reverse proxy', async () => {
    const inspector = await inspectorFor('http://127.0.0.1:9000/prefix')
    const { port } = inspector.proxyStatus().reverse
    for (const targetLine of ['OPTIONS * HTTP/1.1', 'GET http://example.com/ HTTP/1.1']) {
      const reply = await new Promise<string>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.end(`${targetLine}\r\nHost: x\r\nConnection: close\r\n\r\n`))
        let data = ''
        socket.on('data', (d) => (data += d))
        socket.on('close', () => resolve(data))
      })
      expect(reply).toMatch(/^HTTP\/1\.1 400/)
      expect(reply).toContain('not a path')
    }
    expect(inspector.proxyStatus().reverse.listening).toBe(true)
  })
})

describe('keys the raw bytes hide', () => {
  it('a key inside a gzip response and in a query string is not stored', async () => {
    const KEY = 'sk-GzipHiddenKey00112233445566778899'
    const upstream = await listen((req, res) => {
      req.resume()
      const body = gzipSync(JSON.stringify({ id: 'x', choices: [{ message: { role: 'assistant', content: `your key is ${KEY}` } }] }))
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length })
      res.end(body)
    })
    const inspector = await inspectorFor(upstream)
    const ended = waitForEnded(inspector, 1)
    const res = await fetch(`${inspector.proxyStatus().reverse.url}/v1/chat/completions?key=${KEY}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"model":"mimo-v2.5","messages":[]}' })
    expect((await res.json()).choices[0].message.content).toContain(KEY) // the client gets its bytes untouched
    const [summary] = await ended
    expect(summary.path).toBe('/v1/chat/completions?key=REDACTED')
    const dir = inspector.store.dir
    expect(leakedIn(everyStoredByte(dir), 'sk-GzipHiddenKey0011')).toEqual([])
    const view = await inspector.handlers['exchanges:body']({ id: summary.id, part: 'response' })
    expect(view.text).toContain('your key is sk-…')
  })
})

describe('minimize oracle', () => {
  it('stops with a reason when the upstream breaks off mid-answer', async () => {
    const upstream = await listen((req, res) => {
      req.resume()
      res.writeHead(400, { 'content-type': 'application/json', 'content-length': 1000 })
      res.write('{"error":')
      setTimeout(() => res.socket?.destroy(), 20)
    })
    const keys = new KeyVault(new Map())
    const oracle = upstreamOracle({ target: new URL(`${upstream}/v1/chat/completions`), method: 'POST', recordedHeaders: [], keys, typedKey: 'sk-oracleKey0123456789abcdefgh', timeouts: DEFAULT_TIMEOUTS })
    await expect(oracle({ model: 'm', messages: [] })).rejects.toBeInstanceOf(OracleStop)
  })
})
