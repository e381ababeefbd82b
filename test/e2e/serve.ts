// Runs `mimo-inspector serve` as a user would (the built command, a data folder of its own) and reads the
// UI URL and proxy address it prints.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Serve {
  uiUrl: string
  proxyUrl: string
  dataDir: string
  output: () => string
  stop(signal?: NodeJS.Signals): Promise<void>
}

export function tempDir(prefix = 'mimo-e2e-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export async function startServe(opts: { upstream: string; dataDir?: string; proxyPort?: number; args?: string[] }): Promise<Serve> {
  const dataDir = opts.dataDir ?? tempDir()
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/mimo-inspector.js', 'serve', '--port', '0', '--proxy-port', String(opts.proxyPort ?? 0), '--upstream', opts.upstream, '--data-dir', dataDir, ...(opts.args ?? [])],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let out = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (out += d))
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const deadline = Date.now() + 15_000
  while (!out.includes('Ctrl+C')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`serve did not start:\n${out}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  const uiUrl = /UI:\s+(\S+)/.exec(out)![1]
  const proxyUrl = /Proxy:\s+(http:\/\/\S+)/.exec(out)![1]
  return {
    uiUrl,
    proxyUrl,
    dataDir,
    output: () => out,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal)
      await exited
    }
  }
}
