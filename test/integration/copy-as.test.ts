// "Copy as …" is the recorded request: each copy is run as a user would paste it (bash for cURL and HTTPie,
// node for fetch) against the same local upstream, and what arrives is compared with what the client sent
// through the proxy, body byte for byte and every header. The key stays out unless asked for, then comes
// from this run's memory, and is gone after a restart.
import { execFile } from 'node:child_process'
import http from 'node:http'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import type { CopyFormat } from '../../src/shared/list-query'
import { skipUnless } from '../needs'
import { startStack, type Stack } from './stack'

const run = promisify(execFile)
const KEY = 'sk-CopyAsKey0123456789abcdefABCDEF'
const hasHttpie = await run('http', ['--version']).then(
  () => true,
  () => false
)

let stack: Stack
afterEach(async () => stack?.close())

// Everything a shell could trip on: quotes, $, backticks, backslashes, %, real newlines, non-ASCII.
const body = JSON.stringify(
  { model: 'mimo-v2.5-pro', max_tokens: 64, messages: [{ role: 'user', content: `it's "$HOME" \`date\` \\n 100% 日本語 ✓ %s\ttab` }] },
  null,
  2
)

/** Sends through the proxy with Node's http client, so the headers are exactly these (no fetch defaults). */
function send(headers: Record<string, string>, payload: Buffer | string): Promise<number> {
  const url = new URL(`${stack.proxyUrl}/anthropic/v1/messages`)
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(payload)) }, agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end(payload)
  })
}

const HEADERS = {
  'Content-Type': 'application/json',
  'X-Api-Key': KEY,
  'anthropic-version': '2023-06-01',
  'User-Agent': 'copy-test/1.0 (it\'s "quoted")',
  Accept: 'application/json',
  'X-Odd': `a 'b' "c" $d \`e\` \\f`
}

/** Header pairs as compared: names folded, framing left out (the copy says its client sets those). */
function pairs(raw: string[], caseless = true): string[] {
  const out: string[] = []
  for (let i = 0; i < raw.length; i += 2) {
    const lower = raw[i].toLowerCase()
    if (['host', 'connection'].includes(lower)) continue
    // The length is the client's own framing; its value is compared, not the case it writes the name in.
    const name = caseless || lower === 'content-length' ? lower : raw[i]
    out.push(`${name}: ${raw[i + 1]}`)
  }
  return out.sort()
}

async function copy(id: string, format: CopyFormat, withKey = false) {
  return stack.inspector.handlers['exchanges:copy']({ id, format, withKey })
}

async function recorded(headers: Record<string, string>, payload: Buffer | string): Promise<string> {
  const ended = stack.ended()
  await send(headers, payload)
  const [summary] = await ended
  return summary.id
}

describe('copy as', () => {
  it('cURL (bash) sends the recorded bytes and headers; the key comes from $MIMO_API_KEY', async () => {
    stack = await startStack()
    const id = await recorded(HEADERS, body)
    const original = stack.emulator.received[0]
    const { text, note, withKey } = await copy(id, 'curl')
    expect(text.startsWith(`curl '${stack.emulator.url}/anthropic/v1/messages'`)).toBe(true)
    expect(text).not.toContain(KEY.slice(3, -4))
    expect(withKey).toBe(false)
    expect(note).toMatch(/MIMO_API_KEY .*sk-…[0-9a-f]{4}/)

    await run('bash', ['-c', text], { env: { ...process.env, MIMO_API_KEY: KEY } })
    const copied = stack.emulator.received[1]
    expect(copied.method).toBe('POST')
    expect(copied.path).toBe(original.path)
    expect(copied.body.equals(original.body)).toBe(true)
    // curl keeps the case it is given: compared exactly.
    expect(pairs(copied.headers, false)).toEqual(pairs(original.headers, false))
  })

  it('cURL with the key asked for carries it from memory; after a restart it cannot', async () => {
    stack = await startStack()
    const id = await recorded(HEADERS, body)
    const { text, withKey } = await copy(id, 'curl', true)
    expect(withKey).toBe(true)
    expect(text).toContain(KEY)
    // No variable needed: the command is complete.
    const env = { ...process.env }
    delete env.MIMO_API_KEY
    await run('bash', ['-c', text], { env })
    expect(pairs(stack.emulator.received[1].headers, false)).toEqual(pairs(stack.emulator.received[0].headers, false))

    await stack.restart()
    const after = await copy(id, 'curl', true)
    expect(after.withKey).toBe(false)
    expect(after.text).not.toContain(KEY.slice(3, -4))
    expect(after.text).toContain('$MIMO_API_KEY')
    expect(after.note).toMatch(/was not seen in this run/)
  })

  it('a gzip request body goes through printf byte for byte', async () => {
    stack = await startStack()
    const gz = gzipSync(Buffer.from(body))
    expect(gz.includes(0)).toBe(true)
    const id = await recorded({ ...HEADERS, 'Content-Encoding': 'gzip' }, gz)
    const { text } = await copy(id, 'curl')
    expect(text.startsWith('printf ')).toBe(true)
    await run('bash', ['-c', text], { env: { ...process.env, MIMO_API_KEY: KEY } })
    expect(stack.emulator.received[1].body.equals(gz)).toBe(true)
    expect(pairs(stack.emulator.received[1].headers, false)).toEqual(pairs(stack.emulator.received[0].headers, false))
  })

  it('curl sends none of its own defaults the client did not send', async () => {
    stack = await startStack()
    const id = await recorded({ 'X-Api-Key': KEY }, body)
    const { text } = await copy(id, 'curl')
    await run('bash', ['-c', text], { env: { ...process.env, MIMO_API_KEY: KEY } })
    expect(pairs(stack.emulator.received[1].headers)).toEqual(pairs(stack.emulator.received[0].headers))
  })

  it('fetch (Node.js) sends the body exactly and every recorded header', async () => {
    stack = await startStack()
    const id = await recorded(HEADERS, body)
    const { text } = await copy(id, 'fetch')
    expect(text).toContain('process.env.MIMO_API_KEY')
    expect(text).not.toContain(KEY.slice(3, -4))
    await run(process.execPath, ['--input-type=module', '-e', text], { env: { ...process.env, MIMO_API_KEY: KEY } })
    const copied = stack.emulator.received[1]
    expect(copied.body.equals(stack.emulator.received[0].body)).toBe(true)
    // fetch lower-cases names and adds a few of its own (accept-language, sec-fetch-mode): every original is there.
    const got = pairs(copied.headers)
    for (const h of pairs(stack.emulator.received[0].headers)) expect(got).toContain(h)
  })

  it('HTTPie sends the recorded bytes and headers', async () => {
    if (skipUnless(hasHttpie, 'HTTPie (the http command, Debian package httpie)')) return
    stack = await startStack()
    const id = await recorded(HEADERS, body)
    const { text } = await copy(id, 'httpie')
    expect(text).not.toContain(KEY.slice(3, -4))
    await run('bash', ['-c', text], { env: { ...process.env, MIMO_API_KEY: KEY } })
    const copied = stack.emulator.received[1]
    expect(copied.body.equals(stack.emulator.received[0].body)).toBe(true)
    // urllib3 writes an unset Accept-Encoding as `identity` (no encoding, as when absent): the one difference.
    expect(pairs(copied.headers).filter((h) => h !== 'accept-encoding: identity')).toEqual(pairs(stack.emulator.received[0].headers))
  })

  it('raw HTTP, a HAR entry, the URL and the response', async () => {
    stack = await startStack()
    const id = await recorded(HEADERS, body)
    const raw = (await copy(id, 'raw')).text
    const host = new URL(stack.emulator.url).host
    expect(raw.startsWith(`POST /anthropic/v1/messages HTTP/1.1\r\nHost: ${host}\r\n`)).toBe(true)
    expect(raw.endsWith(`\r\n\r\n${body}`)).toBe(true)
    expect(raw).toMatch(/X-Api-Key: sk-…[0-9a-f]{4}\r\n/)

    const har = JSON.parse((await copy(id, 'har')).text) as { request: { method: string; url: string; postData: { text: string }; headers: Array<{ name: string; value: string }> }; response: { status: number; content: { text: string } } }
    expect(har.request.method).toBe('POST')
    expect(har.request.url).toBe(`${stack.emulator.url}/anthropic/v1/messages`)
    expect(har.request.postData.text).toBe(body)
    expect(har.request.headers.find((h) => h.name === 'X-Api-Key')?.value).toMatch(/^sk-…[0-9a-f]{4}$/)
    expect(har.response.status).toBe(200)

    expect((await copy(id, 'url')).text).toBe(`${stack.emulator.url}/anthropic/v1/messages`)
    const response = (await copy(id, 'response')).text
    expect(JSON.parse(response)).toMatchObject({ type: 'message', role: 'assistant' })
    const message = await stack.inspector.handlers['exchanges:copy']({ id, format: 'message-text', withKey: false, message: 0 })
    expect(message.text).toBe(JSON.parse(body).messages[0].content)
  })
})
