// `mimo-inspector serve`: the core headless plus the web UI.
import { existsSync } from 'node:fs'
import { isIP } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Inspector, LOOPBACK } from '../core/inspector'
import { writeRuntime } from '../core/runtime-file'
import { startWebServer } from '../core/web/server'
import { UsageError } from './common'
import { CaptureListError, parseCaptureList } from '../core/proxy/mitm'
import { checkFix } from '../core/repair/repair-rules'
import { parseFilter } from '../core/filter/parse-filter'
import type { RepairScope } from '../../shared/types'

export interface ServeOptions {
  port: number
  proxyPort: number
  mitmPort?: number
  capture?: string
  upstream?: string
  dataDir: string
  version: string
  listen?: string
  connectTimeout?: number
  idleTimeout?: number
  repair?: string
  break?: string[]
  breakTimeout?: number
}

export const DEFAULT_UI_PORT = 8787

export async function serveCommand(opts: ServeOptions): Promise<void> {
  if (opts.capture !== undefined && opts.mitmPort === undefined) throw new UsageError('--capture needs --mitm-port (the forward proxy it configures)')
  let captureHosts: string[] | undefined
  try {
    captureHosts = opts.capture !== undefined ? parseCaptureList(opts.capture) : undefined
  } catch (err) {
    if (err instanceof CaptureListError) throw new UsageError(err.message)
    throw err
  }
  const repair = opts.repair !== undefined ? opts.repair.split(',').map((f) => f.trim()).filter(Boolean) : undefined
  for (const fix of repair ?? []) {
    try {
      checkFix(fix)
    } catch (err) {
      throw new UsageError(`--repair: ${(err as Error).message}`)
    }
  }
  if (opts.repair !== undefined && repair?.length === 0) throw new UsageError('--repair needs fix ids, comma-separated')
  for (const filter of opts.break ?? []) {
    const problems = parseFilter(filter).problems
    if (problems.length > 0) throw new UsageError(`--break ${JSON.stringify(filter)}: ${problems.join('; ')}`)
  }
  if (opts.breakTimeout !== undefined && opts.breakTimeout < 1) throw new UsageError('--break-timeout must be at least 1 second')
  const host = opts.listen ?? LOOPBACK
  if (isIP(host) === 0 && host !== 'localhost') throw new UsageError(`--listen takes an IP address, not "${host}"`)
  const inspector = await Inspector.start({ dataDir: opts.dataDir, version: opts.version, shell: 'web', proxyPort: opts.proxyPort, upstream: opts.upstream, host, mitmPort: opts.mitmPort ?? null, captureHosts, timeouts: { connectMs: (opts.connectTimeout ?? 15) * 1000, idleMs: (opts.idleTimeout ?? 600) * 1000 }, onStoreMigrate: migrationProgress, repair, breakOn: opts.break, breakTimeoutMs: (opts.breakTimeout ?? 240) * 1000 })
  if (inspector.proxyErrorMessage) {
    await inspector.close()
    throw new Error(inspector.proxyErrorMessage)
  }
  let web
  try {
    web = await startWebServer({ host: LOOPBACK, port: opts.port, handlers: inspector.handlers, events: inspector.events, staticDir: rendererDir() })
  } catch (err) {
    await inspector.close()
    throw err
  }
  const status = inspector.proxyStatus()
  const removeRuntime = writeRuntime(opts.dataDir, { pid: process.pid, proxyUrl: status.reverse.url, uiUrl: web.url, mitmUrl: status.mitm?.url ?? null, captureHosts: status.mitm?.captureHosts ?? null })
  const out = process.stdout
  out.write(`MiMo Inspector ${opts.version}\n`)
  out.write(`UI:       ${web.openUrl}\n`)
  out.write(`Proxy:    ${status.reverse.url}  →  ${status.upstream.baseUrl}\n`)
  if (status.mitm) out.write(`Forward:  ${status.mitm.url} (HTTPS_PROXY) intercepting ${status.mitm.captureHosts.join(', ')}; CA ${status.mitm.caPath}\n`)
  out.write(`Data:     ${opts.dataDir}\n`)
  for (const line of interceptLines(inspector)) out.write(`${line}\n`)
  for (const w of inspector.warnings) out.write(`Warning:  ${w}\n`)
  if (!['127.0.0.1', '::1', 'localhost'].includes(host)) {
    out.write(`Warning:  the proxy listens on ${host}: anyone who can reach ${host}:${status.reverse.port} can send requests with the keys that pass through it and read your traffic.\n`)
  }
  out.write(`\nPoint your agent at it:\n`)
  for (const line of status.envLines) out.write(`  ${line.line}\n`)
  if (status.mitm) {
    out.write(`\nOr, for agents that cannot change their base URL (mimo-inspector env --mode proxy):\n`)
    for (const line of status.mitm.envLines) out.write(`  ${line.line}\n`)
  }
  out.write(`\nCtrl+C to stop.\n`)

  let stopping = false
  const stop = async (): Promise<void> => {
    if (stopping) return
    stopping = true
    removeRuntime()
    await web.close()
    await inspector.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

/** The repair rules and breakpoints on at start: traffic is changed or held only when the user chose so, and says so. */
function interceptLines(inspector: Inspector): string[] {
  const rules = inspector.repair.status().rules.filter((r) => r.enabled)
  const lines = rules.map((r) => `Repair:   ${r.fix} on ${scopeText(r.scope)}${r.source === 'cli' ? ' (--repair, this run)' : ' (saved rule)'}`)
  const bp = inspector.breakpoints.status()
  for (const b of bp.breakpoints) {
    const what = b.phase === 'request' ? 'requests' : b.phase === 'response' ? 'responses' : 'requests and responses'
    lines.push(`Break:    ${what} matching ${JSON.stringify(b.filter)} pause until continued in the UI (or ${Math.round(bp.timeoutMs / 1000)} s)${b.source === 'cli' ? ' (--break, this run)' : ' (saved breakpoint)'}`)
  }
  return lines
}

function scopeText(scope: RepairScope): string {
  return scope.kind === 'everything' ? 'every request' : scope.kind === 'upstream' ? `requests to ${scope.baseUrl}` : `conversation ${scope.conversationId}`
}

/** A data folder from an older version is migrated once, on open; say so, it can take a while. */
function migrationProgress(p: { records: number; total: number }): void {
  process.stderr.write(`Migrating the data folder to the current store format: ${p.records} of ${p.total} exchanges${p.records === p.total ? ', done.\n' : '\r'}`)
}

/** The built renderer, next to the built CLI (out/cli → out/renderer) or from the source tree. */
function rendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  const candidates = [join(here, '../renderer'), join(here, '../../out/renderer'), join(here, '../../../out/renderer')]
  return candidates.find((c) => existsSync(join(c, 'index.html'))) ?? candidates[0]
}
