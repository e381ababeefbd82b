// Web mode's adapter on real sockets: the token, the Host allowlist, the WebSocket gate, and the contract
// calls and events end to end.
import { mkdirSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { join } from 'node:path'
import WebSocket from 'ws'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../src/main/core/web/server'
import { WEB } from '../../src/shared/api'
import { startStack, tempDataDir, PAYG_KEY, type Stack } from './stack'

let stack: Stack
let web: WebServer

beforeEach(async () => {
  stack = await startStack()
  const staticDir = join(tempDataDir(), 'ui')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ui</title>')
  web = await startWebServer({ host: '127.0.0.1', port: 0, handlers: stack.inspector.handlers, events: stack.inspector.events, staticDir })
})
afterEach(async () => {
  await web.close()
  await stack.close()
})

/** fetch() will not let a test set Host; a raw request does. */
function rawGet(path: string, host: string): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: web.port, path, headers: { host } }, (res) => {
      res.resume()
      resolve({ status: res.statusCode!, headers: res.headers })
    }).on('error', reject)
  })
}

function call(name: string, arg: unknown, token: string | null = web.token): Promise<Response> {
  return fetch(`${web.url}api/call/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { [WEB.tokenHeader]: token } : {}) },
    body: JSON.stringify(arg)
  })
}

describe('web mode gate', () => {
  it('serves the UI on loopback names only, with a CSP and no referrer', async () => {
    const ok = await rawGet('/', `127.0.0.1:${web.port}`)
    expect(ok.status).toBe(200)
    expect(ok.headers['content-security-policy']).toContain("default-src 'self'")
    expect(ok.headers['referrer-policy']).toBe('no-referrer')
    expect(ok.headers['access-control-allow-origin']).toBeUndefined()
    expect((await rawGet('/', `localhost:${web.port}`)).status).toBe(200)
    expect((await rawGet('/', `evil.example:${web.port}`)).status).toBe(403)
  })

  it('wants the token on every call, validates arguments, names unknown calls', async () => {
    expect((await call('exchanges:list', {}, null)).status).toBe(401)
    expect((await call('exchanges:list', {}, 'wrong-token')).status).toBe(401)
    const ok = await call('exchanges:list', {})
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ total: 0, offset: 0, items: [] })
    const bad = await call('exchanges:list', { limit: -1 })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: string }).error).toMatch(/limit/)
    expect((await call('exchanges:delete-everything', null)).status).toBe(404)
  })

  it('refuses WebSockets without the token or from another origin', async () => {
    const base = `ws://127.0.0.1:${web.port}${WEB.eventsPath}`
    const refused = (url: string, origin?: string): Promise<boolean> =>
      new Promise((resolve) => {
        const ws = new WebSocket(url, origin ? { origin } : {})
        ws.on('open', () => {
          ws.close()
          resolve(false)
        })
        ws.on('error', () => resolve(true))
      })
    expect(await refused(base)).toBe(true)
    expect(await refused(`${base}?token=${web.token}`, 'http://evil.example')).toBe(true)
    expect(await refused(`${base}?token=${web.token}`, `http://127.0.0.1:${web.port}`)).toBe(false)
  })
})

describe('web mode contract', () => {
  it('pushes exchange events over the WebSocket and serves the details', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${web.port}${WEB.eventsPath}?token=${web.token}`)
    await new Promise((r) => ws.on('open', r))
    const events: Array<{ event: string; payload: { id: string; state: string; status: number | null } }> = []
    ws.on('message', (data) => events.push(JSON.parse(String(data))))

    stack.emulator.script({ thinking: 'hmm', text: 'hello', toolCalls: [{ name: 'ls', input: { dir: '.' } }] })
    // In flight longer than a display frame: updates are batched per frame, and one that ends inside it is announced once.
    stack.emulator.setChunkDelay(30)
    const ended = stack.ended()
    const res = await fetch(`${stack.proxyUrl}/anthropic/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': PAYG_KEY },
      body: JSON.stringify({ model: 'mimo-v2.5-pro', max_tokens: 100, stream: true, messages: [{ role: 'user', content: 'hi' }] })
    })
    await res.text()
    const [summary] = await ended
    await expect.poll(() => events.filter((e) => e.payload.id === summary.id).map((e) => e.payload.state).at(-1)).toBe('completed')
    stack.emulator.setChunkDelay(0)
    const states = events.filter((e) => e.event === 'exchange:upserted').map((e) => e.payload.state)
    expect(['pending', 'streaming']).toContain(states[0]) // it shows up while in flight, before it ends
    ws.close()

    const stream = (await (await call('exchanges:stream', { id: summary.id })).json()) as { message: { blocks: Array<{ type: string }> } }
    expect(stream.message.blocks.map((b) => b.type)).toEqual(['thinking', 'text', 'tool_use'])
    const body = (await (await call('exchanges:body', { id: summary.id, part: 'request' })).json()) as { isJson: boolean; text: string }
    expect(body.isJson).toBe(true)
    expect(JSON.parse(body.text).model).toBe('mimo-v2.5-pro')
  })
})
