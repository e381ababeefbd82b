// `serve --repair` and `serve --break` through the real command: the active rules and breakpoints are printed
// at start, a forgetful agent gets through with the rule, and `list --json` marks the patched requests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../emulator/server'
import { anthropicForgetfulAgent, FORGETFUL_KEY } from '../scenarios/forgetful-agent'
import { tempDataDir } from './stack'

const BIN = 'bin/mimo-inspector.js'
let child: ChildProcess | null = null
let emulator: Emulator | null = null
afterEach(async () => {
  if (child && child.exitCode === null) {
    const exit = new Promise((r) => child!.on('exit', r))
    child.kill('SIGTERM')
    await exit
  }
  child = null
  await emulator?.close()
  emulator = null
})

async function serve(...args: string[]): Promise<{ out: string; proxy: string; ui: string }> {
  child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--proxy-port', '0', ...args])
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  await expect.poll(() => out, { timeout: 15_000 }).toContain('Ctrl+C')
  return { out, proxy: /Proxy:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1], ui: /UI:\s+(\S+)/.exec(out)![1] }
}

describe('serve --repair', () => {
  it('prints the active rules, patches the forgetful agent through 6 turns, and list --json marks them', async () => {
    emulator = await startEmulator()
    const dir = tempDataDir()
    const { out, proxy } = await serve('--upstream', emulator.url, '--data-dir', dir, '--repair', 'restore-thinking,null-content-to-empty')
    expect(out).toContain('Repair:   restore-thinking on every request (--repair, this run)')
    expect(out).toContain('Repair:   null-content-to-empty on every request (--repair, this run)')
    const results = await anthropicForgetfulAgent(proxy, emulator)
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200])
    await expect
      .poll(() => {
        const list = spawnSync(process.execPath, [BIN, 'list', '--json', '--data-dir', dir], { encoding: 'utf8' })
        return (JSON.parse(list.stdout) as Array<{ patched: boolean }>).map((r) => r.patched)
      }, { timeout: 10_000 })
      .toEqual([false, true, true, true, true, true])
  })

  it('refuses an unknown fix with exit code 2 and the known ones', () => {
    const res = spawnSync(process.execPath, [BIN, 'serve', '--repair', 'restore-everything', '--data-dir', tempDataDir()], { encoding: 'utf8' })
    expect(res.status).toBe(2)
    expect(res.stderr).toContain('"restore-everything" is not a fix a repair rule can apply')
    expect(res.stderr).toContain('restore-reasoning-content')
  })
})

describe('serve --break', () => {
  it('prints the breakpoint; a matching request waits until continued through the API, others pass', async () => {
    emulator = await startEmulator()
    const { out, proxy, ui } = await serve('--upstream', emulator.url, '--data-dir', tempDataDir(), '--break', 'model:mimo-v2.5-pro', '--break-timeout', '60')
    expect(out).toContain('Break:    requests matching "model:mimo-v2.5-pro" pause until continued in the UI (or 60 s)')
    const url = new URL(ui)
    const token = url.searchParams.get('token')!
    const call = async (name: string, arg: unknown): Promise<any> => {
      const res = await fetch(`${url.origin}/api/call/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-inspector-token': token }, body: JSON.stringify(arg) })
      expect(res.status).toBe(200)
      return res.json()
    }
    const send = (model: string): Promise<Response> =>
      fetch(`${proxy}/anthropic/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': FORGETFUL_KEY }, body: JSON.stringify({ model, max_tokens: 50, messages: [{ role: 'user', content: 'hi' }] }) })
    // Not matching: straight through.
    expect((await send('mimo-v2-flash')).status).toBe(200)
    const held = send('mimo-v2.5-pro')
    let paused: Array<{ exchangeId: string }> = []
    await expect.poll(async () => (paused = (await call('breakpoints:status', null)).paused).length, { timeout: 10_000 }).toBe(1)
    expect(emulator.received).toHaveLength(1)
    await call('breakpoints:resume', { id: paused[0].exchangeId, action: 'continue' })
    expect((await held).status).toBe(200)
    expect(emulator.received).toHaveLength(2)
  })

  it('refuses a filter it cannot read', () => {
    const res = spawnSync(process.execPath, [BIN, 'serve', '--break', 'status:abc', '--data-dir', tempDataDir()], { encoding: 'utf8' })
    expect(res.status).toBe(2)
    expect(res.stderr).toContain('status:abc is not a status')
  })
})
