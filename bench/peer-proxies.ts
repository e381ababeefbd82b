// MiMo Inspector's reverse proxy beside other recording proxies on the same cases as proxy-overhead.ts
// (2 KB, 5 MB, an SSE stream of 2,000 events), all measured in one run, interleaved: `mimo-inspector serve`,
// mockttp's passthrough (a forwarding rule to the local upstream, traffic recorded as it does by default) and
// mitmproxy in reverse mode, each in its own process. A peer that cannot run is left out with a note saying why.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { agent, chatBody, measure, pct, startChild, startLoopbackChild, type Child, type Timing } from './loopback'
import { startServe } from './proxy-overhead'

export { startChild } from './loopback'

interface Peer {
  name: string
  url: string
  stop(): Promise<void>
}

const notes: string[] = []
let installedNow = false

export async function freePort(): Promise<number> {
  const s = net.createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const port = (s.address() as net.AddressInfo).port
  await new Promise<void>((r) => s.close(() => r()))
  return port
}

/** A package's version from the package.json above its entry point (mockttp's `exports` hide package.json). */
export function packageVersion(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name))
  for (;;) {
    const file = join(dir, 'package.json')
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }
      if (pkg.name === name) return pkg.version ?? '?'
    }
    if (dirname(dir) === dir) return '?'
    dir = dirname(dir)
  }
}

/** `mimo-inspector serve`, the built command as a user runs it, in its own process and data folder. */
async function inspectorPeer(upUrl: string): Promise<Peer> {
  const serve = await startServe(upUrl)
  notes.push('mimo-inspector: `mimo-inspector serve --upstream UPSTREAM` (the built command) in its own process, recording to its data folder as usual.')
  return { name: 'mimo-inspector (reverse)', url: serve.url, stop: serve.stop }
}

const MOCKTTP_CHILD = `
import * as mockttp from 'mockttp'
const server = mockttp.getLocal()
await server.start()
await server.forAnyRequest().thenForwardTo(process.argv[1])
console.log('PORT ' + server.port)
`

async function mockttpPeer(upUrl: string): Promise<Peer | null> {
  let version: string
  try {
    version = packageVersion('mockttp')
  } catch (err) {
    notes.push(`mockttp skipped: not installed (${(err as Error).message.split('\n')[0]}); \`npm install --save-dev mockttp\` adds it.`)
    return null
  }
  const r = await startChild(process.execPath, ['--input-type=module', '-e', MOCKTTP_CHILD, upUrl], (out) => {
    const port = /PORT (\d+)/.exec(out)?.[1]
    return port ? `http://127.0.0.1:${port}` : null
  })
  if (typeof r === 'string') {
    notes.push(`mockttp skipped: it did not start (${r}).`)
    return null
  }
  notes.push(
    `mockttp ${version}: \`getLocal()\` with one \`forAnyRequest().thenForwardTo(UPSTREAM)\` rule (a reverse proxy), in its own Node process, ` +
      'recording traffic as it does by default (in memory, for `getSeenRequests()`; nothing written to disk).'
  )
  return { name: `mockttp ${version}`, url: r.url, stop: r.stop }
}

function hasMitmdump(): boolean {
  return spawnSync('sh', ['-c', 'command -v mitmdump'], { stdio: 'ignore' }).status === 0
}

/** Installs Debian's mitmproxy when it is missing (a few minutes at most); returns why not, if it could not. */
export function ensureMitmdump(): string | null {
  if (hasMitmdump()) return null
  installedNow = true
  if (process.platform !== 'linux' || spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0) return 'mitmdump is not installed and there is no apt-get here'
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const opts = { stdio: 'ignore' as const, timeout: 240_000, env }
  let r = spawnSync('apt-get', ['install', '-y', '-q', 'mitmproxy'], opts)
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-q'], opts)
    r = spawnSync('apt-get', ['install', '-y', '-q', 'mitmproxy'], opts)
  }
  if (r.error) return `\`apt-get install -y mitmproxy\` failed: ${r.error.message}`
  if (r.status !== 0) return `\`apt-get install -y mitmproxy\` exited with ${r.status}${r.signal ? ` (${r.signal})` : ''}`
  return hasMitmdump() ? null : 'mitmproxy installed but mitmdump is not on PATH'
}

async function mitmproxyPeer(upUrl: string): Promise<Peer | null> {
  const why = ensureMitmdump()
  if (why) {
    notes.push(`mitmproxy skipped: ${why}.`)
    return null
  }
  const version = /Mitmproxy:\s*(\S+)/.exec(execFileSync('mitmdump', ['--version'], { encoding: 'utf8' }))?.[1] ?? '?'
  const port = await freePort()
  const confdir = mkdtempSync(join(tmpdir(), 'mimo-bench-mitm-'))
  const r = await startChild('mitmdump', ['--mode', `reverse:${upUrl}`, '--listen-host', '127.0.0.1', '-p', String(port), '-q', '--set', `confdir=${confdir}`], () => `http://127.0.0.1:${port}`)
  if (typeof r === 'string') {
    notes.push(`mitmproxy skipped: mitmdump did not start (${r}).`)
    return null
  }
  notes.push(
    `mitmproxy ${version}${installedNow ? ' (installed by this run: `apt-get install -y mitmproxy`)' : ''}: \`mitmdump --mode reverse:UPSTREAM -q\`, its own process (Python). By default it reads each body whole before passing it on ` +
      '(that is how it keeps it), so an SSE stream reaches the client only at its end: its first byte is its last.'
  )
  return {
    name: `mitmproxy ${version}`,
    url: r.url,
    stop: async () => {
      await r.stop()
      rmSync(confdir, { recursive: true, force: true })
    }
  }
}

export async function peerProxiesBench(): Promise<string> {
  notes.length = 0
  installedNow = false
  const up = await startLoopbackChild('upstream')
  const upUrl = up.url
  const helpers: Child[] = [up]
  const peers: Peer[] = []
  let targets: Record<string, string>
  try {
    const pipe = await startLoopbackChild('pipe', upUrl)
    helpers.push(pipe)
    peers.push(await inspectorPeer(upUrl))
    for (const p of [await mockttpPeer(upUrl), await mitmproxyPeer(upUrl)]) if (p) peers.push(p)
    targets = { direct: upUrl, 'bare pipe proxy': pipe.url }
  } catch (err) {
    for (const p of peers) await p.stop().catch(() => {})
    for (const h of helpers) await h.stop().catch(() => {})
    throw err
  }
  for (const p of peers) targets[p.name] = p.url
  const proxies = Object.keys(targets).filter((k) => k !== 'direct' && k !== 'bare pipe proxy')
  const names = Object.keys(targets)
  const lines: string[] = [`| case | ${names.join(' | ')} | fastest recording proxy |`, `| --- | ${names.map(() => '---').join(' | ')} | --- |`]
  const row = (label: string, r: Record<string, Timing[]>, pick: (t: Timing) => number, p: number): void => {
    const v = Object.fromEntries(Object.entries(r).map(([k, ts]) => [k, pct(ts.map(pick), p)]))
    const best = proxies.reduce((a, b) => (v[b] < v[a] ? b : a))
    lines.push(`| ${label} | ${names.map((n) => `${v[n].toFixed(2)} ms`).join(' | ')} | ${best} |`)
  }
  try {
    const small = await measure(targets, '/v1/chat/completions', chatBody(2048, false), { rounds: 500, warmup: 20 })
    row('2 KB request, p50', small, (t) => t.total, 50)
    row('2 KB request, p99', small, (t) => t.total, 99)
    const mb5 = await measure(targets, '/v1/chat/completions', chatBody(5 * 1024 * 1024, false, 3), { rounds: 20, gapMs: 100 })
    row('5 MB request, 100 ms apart, p50', mb5, (t) => t.total, 50)
    const sse = await measure(targets, '/v1/chat/completions?bench=sse', chatBody(2048, true, 4), { rounds: 40 })
    row('SSE 2,000 events, first byte p50', sse, (t) => t.ttfb, 50)
    row('SSE 2,000 events, last byte p50', sse, (t) => t.total, 50)
  } finally {
    for (const p of peers) await p.stop().catch(() => {})
    for (const h of helpers) await h.stop().catch(() => {})
    agent.destroy()
  }
  return [
    lines.join('\n'),
    '',
    '- Every target runs in its own process: the upstream and the bare pipe proxy (the floor for a proxy written in Node) from bench/loopback-child.ts, and each recording proxy; this process is only the client.',
    ...notes.map((n) => `- ${n}`)
  ].join('\n')
}
