// `npm start` on Ubuntu 23.10+: Electron aborts when AppArmor blocks Chromium's sandbox; the wrapper passes
// Electron's output on and then prints what to do. Run through the real script and electron-vite, with a
// stand-in Electron binary that fails the way the real one does (electron/electron#42510).
import { spawnSync } from 'node:child_process'
import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { isSandboxAbort, runWatchingSandbox } from '../../../src/main/shell/sandbox-hint'
import { tempDataDir } from '../../integration/stack'

const FATAL =
  "[77996:0908/150845.938417:FATAL:sandbox/linux/suid/client/setuid_sandbox_host.cc:166] The SUID sandbox helper binary was found, but is not configured correctly. Rather than run without sandboxing I'm aborting now. You need to make sure that /x/node_modules/electron/dist/chrome-sandbox is owned by root and has mode 4755."

function fakeElectron(script: string): string {
  const path = join(tempDataDir(), 'electron')
  writeFileSync(path, `#!/bin/sh\n${script}\n`)
  chmodSync(path, 0o755)
  return path
}

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough()
  let text = ''
  stream.on('data', (d) => (text += d))
  return { stream, text: () => text }
}

describe('npm start: the sandbox hint', () => {
  it('recognizes the abort texts and nothing else', () => {
    expect(isSandboxAbort(FATAL)).toBe(true)
    expect(isSandboxAbort('[1:2:ERROR:zygote_host_impl_linux.cc(126)] No usable sandbox! If this is a Debian system…')).toBe(true)
    expect(isSandboxAbort('Error: Cannot find module out/main/index.js')).toBe(false)
  })

  it('the abort line cut across two writes still gets the hint, after Electron\'s own output, with its exit status', async () => {
    const out = collect()
    const err = collect()
    const half = FATAL.length / 2
    const child = `process.stderr.write(${JSON.stringify(FATAL.slice(0, half))}); setTimeout(() => { process.stderr.write(${JSON.stringify(FATAL.slice(half) + '\n')}); process.kill(process.pid, 'SIGTRAP') }, 50)`
    const code = await runWatchingSandbox(process.execPath, ['-e', child], { electronPath: '/x/node_modules/electron/dist/electron', stdout: out.stream, stderr: err.stream })
    expect(code).toBe(133)
    const text = err.text()
    expect(text.indexOf(FATAL)).toBe(0)
    expect(text).toContain('profile mimo-inspector-electron "%s" flags=(unconfined)')
    expect(text).toContain('"/x/node_modules/electron/dist/electron" | sudo tee /etc/apparmor.d/mimo-inspector-electron')
    expect(text).toContain('sudo chmod 4755 "/x/node_modules/electron/dist/chrome-sandbox"')
  })

  it('other failures pass through untouched', async () => {
    const err = collect()
    const code = await runWatchingSandbox(process.execPath, ['-e', 'console.error("boom"); process.exit(3)'], { electronPath: '/e', stdout: collect().stream, stderr: err.stream })
    expect(code).toBe(3)
    expect(err.text()).toBe('boom\n')
  })

  it('`npm start`\'s script, through electron-vite preview, prints the hint for the binary it ran', { timeout: 60_000 }, () => {
    const electron = fakeElectron(`echo '${FATAL.replace(/'/g, "'\\''")}' >&2\nkill -TRAP $$`)
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--skipBuild'], { encoding: 'utf8', env: { ...process.env, ELECTRON_EXEC_PATH: electron }, timeout: 50_000 })
    expect(r.stderr).toContain('The SUID sandbox helper binary was found')
    expect(r.stderr).toContain(`"${electron}" | sudo tee /etc/apparmor.d/mimo-inspector-electron`)
    expect(r.status).not.toBe(0)
  })

  it('a normal exit prints no hint', { timeout: 60_000 }, () => {
    const electron = fakeElectron('echo window closed')
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--skipBuild'], { encoding: 'utf8', env: { ...process.env, ELECTRON_EXEC_PATH: electron }, timeout: 50_000 })
    expect(r.stdout).toContain('window closed')
    expect(r.stderr).not.toContain('apparmor')
    expect(r.status).toBe(0)
  })

  it('without an Electron binary (its download never ran) it says so and points at web mode', { timeout: 60_000 }, () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--skipBuild'], { encoding: 'utf8', env: { ...process.env, ELECTRON_EXEC_PATH: '/nonexistent/electron' }, timeout: 50_000 })
    expect(r.stderr).toContain('No Electron binary at /nonexistent/electron')
    expect(r.stderr).toContain('npx mimo-inspector serve')
    expect(r.status).toBe(1)
  })
})
