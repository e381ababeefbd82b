// `mimo-inspector env`: the lines to paste so an agent goes through the inspector.
import { readRuntime } from '../core/runtime-file'
import { DEFAULT_PROXY_PORT, LOOPBACK } from '../core/inspector'
import { baseUrlVars, formatVar, type Shell } from '../core/proxy/env-lines'
import { caPaths, DEFAULT_MITM_PORT, proxyEnvVars } from '../core/proxy/mitm'
import { DEFAULT_CAPTURE_HOSTS } from '../core/proxy/mitm/capture-list'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export function envCommand(dataDir: string, shell: Shell, mode: 'base-url' | 'proxy'): void {
  const running = readRuntime(dataDir)
  if (mode === 'proxy') return proxyEnv(dataDir, shell, running)
  const proxyUrl = running?.proxyUrl ?? `http://${LOOPBACK}:${DEFAULT_PROXY_PORT}`
  const comment = '#'
  const lines = [
    `${comment} MiMo Inspector ${running ? `(running, pid ${running.pid})` : '(not running: start it with `mimo-inspector serve` or the app)'}`,
    ...baseUrlVars(proxyUrl).map((v) => `${comment} ${v.label}\n${formatVar(v, shell)}`)
  ]
  process.stdout.write(lines.join('\n') + '\n')
}

function proxyEnv(dataDir: string, shell: Shell, running: ReturnType<typeof readRuntime>): void {
  const url = running?.mitmUrl ?? `http://${LOOPBACK}:${DEFAULT_MITM_PORT}`
  const ca = caPaths(dataDir)
  const lines = [`# MiMo Inspector forward proxy ${running?.mitmUrl ? `(running, pid ${running.pid})` : '(not running: start it with `mimo-inspector serve --mitm-port 8789`)'}`]
  if (!existsSync(ca.cert)) lines.push(`# The CA does not exist yet; it is created in ${ca.dir} when the forward proxy first starts.`)
  // The running instance's capture list, else the one saved in the app, else the default.
  const captureHosts = running?.captureHosts ?? savedCaptureHosts(dataDir) ?? DEFAULT_CAPTURE_HOSTS
  for (const v of proxyEnvVars(url, ca.cert, ca.bundle, captureHosts)) {
    if (v.name === 'NO_PROXY' && v.label !== 'Local addresses go direct') lines.push(`# ${v.label}`)
    lines.push(formatVar(v, shell))
  }
  process.stdout.write(lines.join('\n') + '\n')
}

/** Read only: `env` never moves a corrupt settings file aside, the app does that when it starts. */
function savedCaptureHosts(dataDir: string): string[] | null {
  try {
    const hosts = (JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as { mitm?: { captureHosts?: unknown } }).mitm?.captureHosts
    return Array.isArray(hosts) && hosts.every((h) => typeof h === 'string') ? hosts : null
  } catch {
    return null
  }
}
