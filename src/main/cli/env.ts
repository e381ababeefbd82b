// `mimo-inspector env`: the lines to paste so an agent goes through the inspector.
import { readRuntime } from '../core/runtime-file'
import { DEFAULT_PROXY_PORT, LOOPBACK } from '../core/inspector'
import { baseUrlVars, formatVar, type Shell } from '../core/proxy/env-lines'

export function envCommand(dataDir: string, shell: Shell, mode: 'base-url' | 'proxy'): void {
  if (mode === 'proxy') {
    throw new Error('the forward (HTTPS_PROXY) mode is not available yet; use --mode base-url')
  }
  const running = readRuntime(dataDir)
  const proxyUrl = running?.proxyUrl ?? `http://${LOOPBACK}:${DEFAULT_PROXY_PORT}`
  const comment = shell === 'powershell' ? '#' : '#'
  const lines = [
    `${comment} MiMo Inspector ${running ? `(running, pid ${running.pid})` : '(not running: start it with `mimo-inspector serve` or the app)'}`,
    ...baseUrlVars(proxyUrl).map((v) => `${comment} ${v.label}\n${formatVar(v, shell)}`)
  ]
  process.stdout.write(lines.join('\n') + '\n')
}
