// What the client and the store see when something breaks: upstream down, upstream cuts a stream, the
// client walks away, a port is taken.
import http from 'node:http'
import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { Inspector } from '../../src/main/core/inspector'
import { startStack, tempDataDir, waitForEnded, PAYG_KEY, type Stack } from './stack'

let stack: Stack | null = null
const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  await stack?.close()
  stack = null
  for (const c of cleanups.splice(0)) await c()
})

const chatBody = JSON.stringify({ model: 'mimo-v2.5', stream: true, messages: [{ role: 'user', content: 'hi' }] })
const headers = { 'content-type': 'application/json', authorization: `Bearer ${PAYG_KEY}` }

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as net.AddressInfo).port
  await new Promise((r) => server.close(r))
  return port
}

describe('upstream failures', () => {
  it('answers 502 with a JSON body naming a refused connection, and records it as failed', async () => {
    const deadPort = await freePort()
    const inspector = await Inspector.start({ dataDir: tempDataDir(), version: 't', shell: 'web', proxyPort: 0, upstream: `http://127.0.0.1:${deadPort}` })
    cleanups.push(() => inspector.close())
    const ended = waitForEnded(inspector, 1)
    const res = await fetch(`${inspector.proxyStatus().reverse.url}/v1/chat/completions`, { method: 'POST', headers, body: chatBody })
    expect(res.status).toBe(502)
    const body = (await res.json()) as { error: { type: string; message: string } }
    expect(body.error.type).toBe('upstream_refused')
    expect(body.error.message).toMatch(/refused the connection/)
    const [summary] = await ended
    expect(summary.state).toBe('failed')
    expect(summary.error).toMatch(/ECONNREFUSED/)
  })

  it('answers 502 naming DNS when the upstream host does not resolve', async () => {
    const inspector = await Inspector.start({ dataDir: tempDataDir(), version: 't', shell: 'web', proxyPort: 0, upstream: 'http://no-such-host.invalid' })
    cleanups.push(() => inspector.close())
    const res = await fetch(`${inspector.proxyStatus().reverse.url}/v1/chat/completions`, { method: 'POST', headers, body: chatBody })
    expect(res.status).toBe(502)
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe('upstream_dns')
  })

  it('answers 504 when the upstream does not answer in time', async () => {
    stack = await startStack({}, { timeouts: { connectMs: 2000, idleMs: 300 } })
    stack.emulator.fail({ hang: true })
    const ended = stack.ended()
    const res = await fetch(`${stack.proxyUrl}/v1/chat/completions`, { method: 'POST', headers, body: chatBody })
    expect(res.status).toBe(504)
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/did not answer in time/)
    expect((await ended)[0].state).toBe('failed')
  })

  it('cuts the client when the upstream cuts mid-stream (never a clean end), and records the partial body', async () => {
    stack = await startStack()
    stack.emulator.fail({ cut: 'mid-stream', afterEvents: 3 })
    const ended = stack.ended()
    const res = await fetch(`${stack.proxyUrl}/v1/chat/completions`, { method: 'POST', headers, body: chatBody })
    expect(res.status).toBe(200)
    await expect(res.text()).rejects.toThrow()
    const [summary] = await ended
    expect(summary.state).toBe('aborted')
    expect(summary.error).toMatch(/mid-response/)
    const view = await stack.inspector.handlers['exchanges:stream']({ id: summary.id })
    expect(view?.events.length).toBe(3)
    expect(view?.message?.incomplete).toBe(true)
  })

  it('passes MiMo’s 400 through untouched and reads its streamed error', async () => {
    stack = await startStack()
    const ended = stack.ended()
    const body = JSON.stringify({
      model: 'mimo-v2.5-pro',
      stream: true,
      messages: [
        { role: 'user', content: 'list files' },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'ls', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'a.txt' }
      ]
    })
    const res = await fetch(`${stack.proxyUrl}/v1/chat/completions`, { method: 'POST', headers, body })
    expect(res.status).toBe(400)
    const text = await res.text()
    expect(text.startsWith('data:{"error"')).toBe(true)
    const [summary] = await ended
    expect(summary.status).toBe(400)
    const view = await stack.inspector.handlers['exchanges:stream']({ id: summary.id })
    expect(view?.message?.error?.message).toBe('The reasoning_content in the thinking mode must be passed back to the API.')
  })
})

describe('client failures', () => {
  it('aborts the upstream request within 100 ms when the client disconnects mid-stream', async () => {
    // A bare upstream that streams forever and notes when its socket closes.
    let upstreamClosedAt = 0
    const upstream = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' })
      const timer = setInterval(() => res.write('data: {"choices":[{"delta":{"content":"x"}}]}\n\n'), 20)
      res.on('close', () => {
        clearInterval(timer)
        upstreamClosedAt = performance.now()
      })
    })
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r))
    cleanups.push(() => new Promise((r) => upstream.close(() => r())))
    const inspector = await Inspector.start({
      dataDir: tempDataDir(), version: 't', shell: 'web', proxyPort: 0,
      upstream: `http://127.0.0.1:${(upstream.address() as net.AddressInfo).port}`
    })
    cleanups.push(() => inspector.close())
    const ended = waitForEnded(inspector, 1)
    const clientGoneAt = await new Promise<number>((resolve) => {
      const req = http.request(`${inspector.proxyStatus().reverse.url}/v1/chat/completions`, { method: 'POST', headers }, (res) => {
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
    expect(summary.state).toBe('aborted')
    expect(summary.error).toMatch(/client disconnected/)
    await expect.poll(() => upstreamClosedAt, { timeout: 2000 }).toBeGreaterThan(0)
    expect(upstreamClosedAt - clientGoneAt).toBeLessThan(100)
  })
})

describe('ports', () => {
  it('reports a taken proxy port clearly instead of crashing', async () => {
    const blocker = net.createServer()
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r))
    const port = (blocker.address() as net.AddressInfo).port
    cleanups.push(() => new Promise((r) => blocker.close(() => r())))
    const inspector = await Inspector.start({ dataDir: tempDataDir(), version: 't', shell: 'web', proxyPort: port })
    cleanups.push(() => inspector.close())
    const status = inspector.proxyStatus()
    expect(status.reverse.listening).toBe(false)
    expect(status.reverse.error).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}.*already in use.*--proxy-port`))
  })
})
