// runtime.json in the data folder: where a running app or `serve` listens, so `env` prints the right port.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface RuntimeInfo {
  pid: number
  proxyUrl: string
  uiUrl: string | null
  /** The forward proxy, when it runs, and the hosts it captures (so `env` keeps them out of NO_PROXY). */
  mitmUrl?: string | null
  captureHosts?: string[] | null
}

export function writeRuntime(dataDir: string, info: RuntimeInfo): () => void {
  const path = join(dataDir, 'runtime.json')
  writeFileSync(path, JSON.stringify(info) + '\n')
  return () => {
    try {
      const current = JSON.parse(readFileSync(path, 'utf8')) as RuntimeInfo
      if (current.pid === info.pid) rmSync(path, { force: true })
    } catch {
      /* already gone */
    }
  }
}

/** The running instance's info, or null when none runs (a file left by a killed process is ignored). */
export function readRuntime(dataDir: string): RuntimeInfo | null {
  const path = join(dataDir, 'runtime.json')
  if (!existsSync(path)) return null
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as RuntimeInfo
    process.kill(info.pid, 0)
    return info
  } catch {
    return null
  }
}
