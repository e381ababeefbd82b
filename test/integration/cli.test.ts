// The headless commands as other programs call them: exact flags, output formats and exit codes.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startStack, tempDataDir, PAYG_KEY, type Stack } from './stack'

const BIN = 'bin/mimo-inspector.js'
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, MIMO_INSPECTOR_DATA_DIR: '' } })

let stack: Stack | null = null
afterEach(async () => {
  await stack?.close()
  stack = null
})

async function recordTwo(): Promise<Stack> {
  const s = await startStack()
  const ended = s.ended(2)
  await (await fetch(`${s.proxyUrl}/anthropic/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': PAYG_KEY },
    body: JSON.stringify({ model: 'mimo-v2.5-pro', max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] })
  })).text()
  await (await fetch(`${s.proxyUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${PAYG_KEY}` },
    body: JSON.stringify({ model: 'mimo-v2.5', stream: true, messages: [{ role: 'user', content: 'hi' }] })
  })).text()
  await ended
  return s
}

describe('list and show', () => {
  it('list --json prints the documented fields, newest last, beside a running app', async () => {
    stack = await recordTwo()
    const out = run('list', '--json', '--data-dir', stack.dataDir)
    expect(out.status).toBe(0)
    const rows = JSON.parse(out.stdout) as Array<Record<string, unknown>>
    expect(rows).toHaveLength(2)
    // The documented fields, plus the ones added since (formats gain fields, never lose them).
    expect(Object.keys(rows[0]).sort()).toEqual(['breakpoint', 'client', 'conversationId', 'duplicateOf', 'id', 'method', 'model', 'patched', 'path', 'provider', 'repair', 'sessionId', 'startedAt', 'status', 'stream'])
    expect(rows[0]).toMatchObject({ sessionId: null, duplicateOf: null, patched: false, repair: null, breakpoint: null })
    // Plain fetch with no user-agent of its own naming a client: nothing is claimed.
    expect(rows[1].client).toBeNull()
    // The emulator listens on loopback: the model tells the provider.
    expect(rows[0]).toMatchObject({ method: 'POST', path: '/anthropic/v1/messages', status: 200, model: 'mimo-v2.5-pro', stream: false, provider: 'mimo' })
    expect(rows[1]).toMatchObject({ path: '/v1/chat/completions', model: 'mimo-v2.5', stream: true })
    const text = run('list', '--data-dir', stack.dataDir)
    expect(text.stdout.trim().split('\n')).toHaveLength(2)
  })

  it('show prints an exchange file with secrets fingerprinted; a unique id prefix is enough', async () => {
    stack = await recordTwo()
    const [first, second] = JSON.parse(run('list', '--json', '--data-dir', stack.dataDir).stdout) as Array<{ id: string }>
    const out = run('show', first.id.slice(0, 8), '--data-dir', stack.dataDir)
    expect(out.status).toBe(0)
    const file = JSON.parse(out.stdout)
    expect(file.request).toMatchObject({ method: 'POST', path: '/anthropic/v1/messages' })
    expect(file.request.body.messages[0].content).toBe('hi')
    expect(file.request.headers['x-api-key']).toMatch(/^sk-…[0-9a-f]{4}$/)
    expect(file.response.status).toBe(200)
    expect(file.response.body.type).toBe('message')
    expect(out.stdout).not.toContain(PAYG_KEY)
    const streamed = JSON.parse(run('show', second.id, '--data-dir', stack.dataDir).stdout)
    expect(typeof streamed.response.body).toBe('string')
    expect(streamed.response.body).toContain('data: [DONE]')
  })

  it('exits 2 with a one-line reason on bad input', () => {
    const dir = tempDataDir()
    const missing = run('show', 'nope', '--data-dir', dir)
    expect(missing.status).toBe(2)
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    expect(missing.stderr).toMatch(/no exchange nope/)
    expect(run('list', '--bogus').status).toBe(2)
    expect(run('env', '--shell', 'tcsh').status).toBe(2)
    const badUpstream = run('serve', '--upstream', 'mimo-tokenplan', '--data-dir', dir)
    expect(badUpstream.status).toBe(2)
    expect(badUpstream.stderr).toMatch(/unknown upstream "mimo-tokenplan"/)
    expect(run('--help').status).toBe(0)
    expect(run('serve', '--help').stdout).toContain('--proxy-port')
  })
})

describe('env', () => {
  it('prints the base URLs in each shell', () => {
    const dir = tempDataDir()
    expect(run('env', '--data-dir', dir).stdout).toContain('export ANTHROPIC_BASE_URL=http://127.0.0.1:8788/anthropic')
    expect(run('env', '--data-dir', dir, '--shell', 'fish').stdout).toContain('set -gx OPENAI_BASE_URL http://127.0.0.1:8788/v1')
    expect(run('env', '--data-dir', dir, '--shell', 'powershell').stdout).toContain('$env:ANTHROPIC_BASE_URL = "http://127.0.0.1:8788/anthropic"')
  })
})

describe('serve', () => {
  it('prints the UI URL with a token and the proxy, serves until SIGTERM, and env follows its port', async () => {
    const dir = tempDataDir()
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--proxy-port', '0', '--upstream', 'http://127.0.0.1:9', '--data-dir', dir])
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    await expect.poll(() => out, { timeout: 10_000 }).toContain('Ctrl+C')
    const ui = /UI:\s+(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,})/.exec(out)?.[1]
    const proxy = /Proxy:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]
    expect(ui).toBeTruthy()
    expect(proxy).toBeTruthy()
    expect(run('env', '--data-dir', dir).stdout).toContain(`ANTHROPIC_BASE_URL=${proxy}/anthropic`)
    const token = new URL(ui!).searchParams.get('token')!
    const info = await fetch(new URL('/api/call/app:info', ui), { method: 'POST', headers: { 'x-inspector-token': token }, body: 'null' })
    expect(await info.json()).toMatchObject({ shell: 'web', dataDir: dir })
    const exit = new Promise<number | null>((r) => child.on('exit', r))
    child.kill('SIGTERM')
    expect(await exit).toBe(0)
  })

  it('exits 1 naming the taken port', async () => {
    const blocker = net.createServer()
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r))
    const port = (blocker.address() as net.AddressInfo).port
    const out = run('serve', '--port', '0', '--proxy-port', String(port), '--data-dir', tempDataDir())
    blocker.close()
    expect(out.status).toBe(1)
    expect(out.stderr).toMatch(new RegExp(`127\\.0\\.0\\.1:${port}.*already in use.*--proxy-port`))
  })
})

describe('diagnose', () => {
  const fixtures = 'test/unit/diagnose/fixtures'
  const expected = JSON.parse(readFileSync(`${fixtures}/expected.json`, 'utf8')) as Record<string, { culprit: unknown }>

  it.each(Object.keys(expected))('--json on %s prints the expected culprit in the documented shape', (name) => {
    const out = run('diagnose', `${fixtures}/${name}`, '--json')
    expect(out.status).toBe(0)
    const result = JSON.parse(out.stdout)
    expect(Object.keys(result).sort()).toEqual(['client', 'culprit', 'errorChain', 'findings', 'protocol', 'provider', 'status'])
    expect(result.provider).toBe('mimo')
    expect(result.culprit).toEqual(expected[name].culprit)
    // The documented fields, and the two it gained (formats only gain fields): fixes that apply, evidence (none in a file alone).
    for (const f of result.findings) {
      expect(Object.keys(f).sort()).toEqual(['blockIndex', 'evidence', 'fix', 'fixes', 'knownIssues', 'message', 'messageIndex', 'path', 'rule', 'severity'])
      expect(f.evidence).toBeNull()
      expect(f.fixes).not.toContain('restore-thinking')
      expect(f.fixes).not.toContain('restore-reasoning-content')
    }
  })

  it('prints a readable explanation without --json', () => {
    const out = run('diagnose', `${fixtures}/anthropic-thinking-dropped.json`)
    expect(out.status).toBe(0)
    expect(out.stdout).toContain('The reasoning_content in the thinking mode must be passed back to the API.')
    expect(out.stdout).toMatch(/culprit: messages\[3\]/)
  })

  it('gives an array for a HAR, one object per LLM request', () => {
    const dir = tempDataDir()
    const failing = JSON.parse(readFileSync(`${fixtures}/openai-reasoning-dropped.json`, 'utf8'))
    const har = {
      log: {
        version: '1.2',
        entries: [
          { startedDateTime: '2026-11-26T00:00:00Z', request: { method: 'POST', url: 'https://api.xiaomimimo.com/v1/chat/completions', headers: [], postData: { mimeType: 'application/json', text: JSON.stringify(failing.request.body) } }, response: { status: 400, statusText: 'Bad Request', headers: [], content: { mimeType: 'text/event-stream', text: failing.response.body } } },
          { startedDateTime: '2026-11-26T00:00:01Z', request: { method: 'GET', url: 'https://example.com/favicon.ico', headers: [] }, response: { status: 200, headers: [], content: { text: '' } } }
        ]
      }
    }
    writeFileSync(`${dir}/session.har`, JSON.stringify(har))
    const out = run('diagnose', `${dir}/session.har`, '--json')
    expect(out.status).toBe(0)
    const result = JSON.parse(out.stdout)
    expect(result).toHaveLength(1)
    expect(result[0].culprit).toEqual(expected['openai-reasoning-dropped.json'].culprit)
  })

  it('exits 2 with a one-line reason on a malformed or unknown file', () => {
    const dir = tempDataDir()
    writeFileSync(`${dir}/bad.json`, '{"request": ')
    const bad = run('diagnose', `${dir}/bad.json`, '--json')
    expect(bad.status).toBe(2)
    expect(bad.stderr.trim().split('\n')).toHaveLength(1)
    expect(bad.stderr).toMatch(/not valid JSON/)
    writeFileSync(`${dir}/other.json`, '{"hello": "world"}')
    expect(run('diagnose', `${dir}/other.json`).status).toBe(2)
    expect(run('diagnose', `${dir}/missing.json`).status).toBe(2)
  })
})

describe('bad configuration', () => {
  it('a corrupt settings.json is set aside with a clear warning, and serve still starts', async () => {
    const dir = tempDataDir()
    writeFileSync(`${dir}/settings.json`, '{"upstream": {"profile": ')
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--proxy-port', '0', '--data-dir', dir])
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    await expect.poll(() => out, { timeout: 10_000 }).toContain('Ctrl+C')
    expect(out).toMatch(/Warning: +settings\.json could not be read .* moved it to .*settings\.json\.corrupt-\d+ and used the defaults/)
    expect(out).toContain('https://api.xiaomimimo.com')
    const exit = new Promise((r) => child.on('exit', r))
    child.kill('SIGTERM')
    await exit
  })

  it('--listen on another address warns that others can use the keys', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--proxy-port', '0', '--listen', '127.0.0.2', '--data-dir', tempDataDir()])
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    await expect.poll(() => out, { timeout: 10_000 }).toMatch(/Ctrl\+C|mimo-inspector:/)
    expect(out).toMatch(/Warning: +the proxy listens on 127\.0\.0\.2: anyone who can reach/)
    const exit = new Promise((r) => child.on('exit', r))
    child.kill('SIGTERM')
    await exit
    expect(run('serve', '--listen', 'example.com', '--data-dir', tempDataDir()).status).toBe(2)
  })
})

describe('forward proxy from the command line', () => {
  it('serve --mitm-port --capture turns it on; env --mode proxy prints its lines', async () => {
    const dir = tempDataDir()
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--proxy-port', '0', '--mitm-port', '0', '--capture', '*.xiaomimimo.com,api.example.test', '--data-dir', dir])
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    await expect.poll(() => out, { timeout: 10_000 }).toContain('Ctrl+C')
    const forward = /Forward:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]
    expect(forward).toBeTruthy()
    expect(out).toContain('intercepting *.xiaomimimo.com, api.example.test')
    const env = run('env', '--mode', 'proxy', '--data-dir', dir).stdout
    expect(env).toContain(`export HTTPS_PROXY=${forward}`)
    expect(env).toContain(`export NODE_EXTRA_CA_CERTS=${dir}/ca/ca.pem`)
    expect(env).toContain('export NODE_USE_ENV_PROXY=1')
    expect(env).toContain('export NO_PROXY=localhost,127.0.0.1')
    expect(run('env', '--mode', 'proxy', '--shell', 'fish', '--data-dir', dir).stdout).toContain(`set -gx HTTPS_PROXY ${forward}`)
    const exit = new Promise((r) => child.on('exit', r))
    child.kill('SIGTERM')
    await exit
    expect(run('serve', '--capture', 'x.com', '--data-dir', tempDataDir()).status).toBe(2)
  })

  it('env --mode proxy keeps a captured local host out of NO_PROXY (the capture list saved by the app)', () => {
    const dir = tempDataDir()
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ upstream: { profile: 'mimo' }, mitm: { enabled: true, port: 8789, captureHosts: ['localhost:9100'] } }))
    const env = run('env', '--mode', 'proxy', '--data-dir', dir).stdout
    expect(env).toContain('export NO_PROXY=127.0.0.1\n')
    expect(env).toMatch(/# Local addresses go direct, but not localhost/)
  })
})

describe('timeouts from the command line', () => {
  it('serve --idle-timeout answers 504 when the upstream goes quiet', async () => {
    const { startEmulator } = await import('../emulator/server')
    const emulator = await startEmulator()
    emulator.fail({ hang: true })
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--proxy-port', '0', '--idle-timeout', '1', '--upstream', emulator.url, '--data-dir', tempDataDir()])
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    await expect.poll(() => out, { timeout: 10_000 }).toContain('Ctrl+C')
    const proxy = /Proxy:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]
    const started = Date.now()
    const res = await fetch(`${proxy}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${PAYG_KEY}` }, body: '{"model":"mimo-v2.5","messages":[{"role":"user","content":"hi"}]}' })
    expect(res.status).toBe(504)
    expect(Date.now() - started).toBeLessThan(5000)
    const exit = new Promise((r) => child.on('exit', r))
    child.kill('SIGTERM')
    await exit
    await emulator.close()
  })
})
