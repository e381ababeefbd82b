// Upstreams that send garbage: it is forwarded exactly as received, recorded, and shown with a clear note;
// nothing crashes.
import http from 'node:http'
import net from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/core/inspector'
import { tempDataDir, waitForEnded } from './stack'

const BIG = 100 * 1024 * 1024
const bodies: Record<string, { headers: Record<string, string | number>; body: Buffer }> = {
  '/bad-sse': { headers: { 'content-type': 'text/event-stream' }, body: Buffer.from('data: {not json\n\nevent: message_start\ndata: [1,2\n\ngarbage line\n') },
  '/bad-json': { headers: { 'content-type': 'application/json' }, body: Buffer.from('{"id": "x", "choices": [') },
  '/bad-gzip': { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: Buffer.from('this is not gzip at all') },
  '/gzip-bomb': { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20)) }
}

let upstream: http.Server
let inspector: Inspector
let proxy: string

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    req.resume()
    if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': BIG })
      const chunk = Buffer.alloc(1024 * 1024, 0x61)
      let sent = 0
      const pump = (): void => {
        while (sent < BIG) {
          sent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        res.end()
      }
      return pump()
    }
    if (req.url === '/short-length') {
      // Promises 100 bytes, sends 10, then closes.
      res.socket!.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"a":1234}')
      return void res.socket!.destroy()
    }
    const b = bodies[req.url!]
    res.writeHead(200, { ...b.headers, 'content-length': b.body.length })
    res.end(b.body)
  })
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r))
  inspector = await Inspector.start({ dataDir: tempDataDir(), version: 't', shell: 'web', proxyPort: 0, upstream: `http://127.0.0.1:${(upstream.address() as net.AddressInfo).port}` })
  proxy = inspector.proxyStatus().reverse.url
})
afterAll(async () => {
  await inspector.close()
  upstream.close()
})

async function through(path: string): Promise<{ bytes: Buffer; id: string }> {
  const ended = waitForEnded(inspector, 1, 60_000)
  const bytes = await new Promise<Buffer>((resolve, reject) => {
    http.get(`${proxy}${path}`, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve(Buffer.concat(chunks)))
      res.on('error', reject)
    }).on('error', reject)
  })
  return { bytes, id: (await ended)[0].id }
}

describe('garbage from upstream', () => {
  it.each(Object.keys(bodies))('%s reaches the client byte for byte and is viewable with a note', async (path) => {
    const { bytes, id } = await through(path)
    expect(bytes.equals(bodies[path].body)).toBe(true)
    const view = await inspector.handlers['exchanges:body']({ id, part: 'response' })
    expect(view.size).toBe(bodies[path].body.length)
    if (path === '/bad-gzip') expect(view.note).toMatch(/does not decode/)
    if (path === '/gzip-bomb') expect(view.truncated || view.note).toBeTruthy()
    if (path === '/bad-json') expect(view.isJson).toBe(false)
    if (path === '/bad-sse') {
      const stream = await inspector.handlers['exchanges:stream']({ id })
      expect(stream?.problems.length).toBeGreaterThan(0)
    }
  })

  it('a 100 MB body is forwarded whole and recorded with its size', { timeout: 120_000 }, async () => {
    const { bytes, id } = await through('/huge')
    expect(bytes.length).toBe(BIG)
    const detail = await inspector.handlers['exchanges:get']({ id })
    expect(detail?.summary.responseSize).toBe(BIG)
  })

  it('a wrong content-length is passed on as the cut it is', async () => {
    const ended = waitForEnded(inspector, 1)
    const outcome = await new Promise<string>((resolve) => {
      http.get(`${proxy}/short-length`, (res) => {
        res.on('data', () => {})
        res.on('end', () => resolve('clean end'))
        res.on('error', () => resolve('cut'))
        res.on('aborted', () => resolve('cut'))
      }).on('error', () => resolve('cut'))
    })
    expect(outcome).toBe('cut')
    expect((await ended)[0].state).toBe('aborted')
  })
})
