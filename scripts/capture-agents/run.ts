// Captures what real coding agents send, as test fixtures: installs each agent from npm into a folder outside the
// project, runs it headless against `mimo-inspector serve` with the MiMo emulator behind it (loopback only), and
// writes every recorded exchange (`show`, keys redacted) to test/fixtures/clients/<agent>/.
//
//   npx tsx scripts/capture-agents/run.ts [--dir /tmp/mimo-agents] [agent-id …]
//
// Not part of `npm test`: it needs the npm registry. Results and the user-agents seen: test/fixtures/clients/README.md.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AGENTS, opencode, type AgentSpec } from './agents'
import { startAgentUpstream } from './upstream'

const ROOT = resolve(import.meta.dirname, '../..')
const CLI = join(ROOT, 'bin/mimo-inspector.js')
const OUT = join(ROOT, 'test/fixtures/clients')
const UPSTREAM_PORT = 19100
const UI_PORT = 19787
const PROXY_PORT = 19788
/** Long strings (system prompts, tool descriptions) are cut here: the fixtures keep shape and openings. */
const MAX_STRING = 4000

const { values, positionals } = parseArgs({ options: { dir: { type: 'string' } }, allowPositionals: true })
const dir = resolve(values.dir ?? join(tmpdir(), 'mimo-agents'))
// `opencode@VERSION` runs any OpenCode release with the custom provider (to find where a behaviour changed).
const adHoc = positionals.flatMap((p) => (/^opencode@[\d.]+$/.test(p) ? [opencode(`opencode-${p.slice(9)}`, p.slice(9), '@ai-sdk/openai-compatible')] : []))
const chosen = positionals.length ? [...AGENTS.filter((a) => positionals.includes(a.id)), ...adHoc] : AGENTS
if (positionals.length && chosen.length !== positionals.length) {
  console.error(`unknown agent; known: ${AGENTS.map((a) => a.id).join(', ')}`)
  process.exit(2)
}

const upstream = await startAgentUpstream(UPSTREAM_PORT)
try {
  for (const agent of chosen) await capture(agent)
} finally {
  await upstream.close()
}

async function capture(agent: AgentSpec): Promise<void> {
  const { bin, prefix } = install(agent)
  const scratch = mkdtempSync(join(tmpdir(), `capture-${agent.id}-`))
  const home = join(scratch, 'home')
  const work = join(scratch, 'work')
  const data = join(scratch, 'data')
  for (const d of [home, work, join(home, '.config'), join(home, '.local/share'), join(home, '.cache')]) mkdirSync(d, { recursive: true })
  execFileSync('git', ['init', '-q'], { cwd: work })
  const serve = await startServe(data)
  const proxy = `http://127.0.0.1:${PROXY_PORT}`
  try {
    for (const run of agent.setup({ home, work, proxy, prefix })) {
      const argv = agent.bin ? [join(bin, run.argv[0]), ...run.argv.slice(1)] : run.argv
      console.log(`[${agent.id}] ${run.argv.join(' ').slice(0, 120)}`)
      const env: Record<string, string> = {
        PATH: `${bin}:${process.env.PATH}`,
        HOME: home,
        XDG_CONFIG_HOME: join(home, '.config'),
        XDG_DATA_HOME: join(home, '.local/share'),
        XDG_CACHE_HOME: join(home, '.cache'),
        XDG_STATE_HOME: join(home, '.local/state'),
        TERM: 'dumb',
        NO_COLOR: '1',
        NO_PROXY: '127.0.0.1,localhost',
        ...run.env
      }
      const result = await runFor(argv, env, work, 150_000)
      console.log(`[${agent.id}]   exit ${result.code}${result.timedOut ? ' (timed out)' : ''}; ${result.output.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}`)
      if (process.env.CAPTURE_VERBOSE) console.log(result.output)
    }
  } finally {
    await stop(serve)
    killLeftovers(scratch)
  }
  writeFixtures(agent, data)
  if (process.env.CAPTURE_SERVE_ARGS) reportRepairs(agent, data)
  rmSync(scratch, { recursive: true, force: true })
}

function install(agent: AgentSpec): { bin: string; prefix: string } {
  if (!agent.install) return { bin: join(ROOT, 'node_modules/.bin'), prefix: ROOT }
  const prefix = join(dir, agent.install.replace(/[^a-z0-9.@-]+/gi, '_'))
  const bin = join(prefix, 'node_modules/.bin')
  const installed = agent.bin ? join(bin, agent.bin) : join(prefix, 'node_modules', agent.install.replace(/@[^@/]+$/, ''))
  if (!existsSync(installed)) {
    mkdirSync(prefix, { recursive: true })
    console.log(`[${agent.id}] npm install ${agent.install} into ${prefix}`)
    execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', agent.install], { stdio: 'inherit' })
  }
  return { bin, prefix }
}

async function startServe(data: string): Promise<ChildProcess> {
  // CAPTURE_SERVE_ARGS adds serve flags (e.g. "--repair restore-thinking"): the agent then runs with rules on.
  const extra = (process.env.CAPTURE_SERVE_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [CLI, 'serve', '--data-dir', data, '--upstream', `http://127.0.0.1:${UPSTREAM_PORT}`, '--port', String(UI_PORT), '--proxy-port', String(PROXY_PORT), ...extra], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  await new Promise<void>((done, fail) => {
    let out = ''
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString()
      if (out.includes('Proxy:')) done()
    })
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}`)))
  })
  return child
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    child.once('exit', () => done())
    child.kill('SIGTERM')
  })
}

function runFor(argv: string[], env: Record<string, string>, cwd: string, ms: number): Promise<{ code: number | null; timedOut: boolean; output: string }> {
  return new Promise((done) => {
    const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let output = ''
    child.stdout!.on('data', (b: Buffer) => (output += b.toString()))
    child.stderr!.on('data', (b: Buffer) => (output += b.toString()))
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      process.kill(-child.pid!, 'SIGKILL')
    }, ms)
    child.once('exit', (code) => {
      clearTimeout(timer)
      done({ code, timedOut, output })
    })
  })
}

/** Some agents leave a daemon behind (Cline's hub); it runs in the scratch folder, so its command line names it. */
function killLeftovers(scratch: string): void {
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let cmdline = ''
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    } catch {
      continue
    }
    if (cmdline.includes(scratch)) {
      console.log(`[capture] stopping leftover process ${pid}`)
      process.kill(Number(pid), 'SIGTERM')
    }
  }
}

function writeFixtures(agent: AgentSpec, data: string): void {
  const list = JSON.parse(execFileSync(process.execPath, [CLI, 'list', '--json', '--data-dir', data], { encoding: 'utf8' })) as Array<{ id: string }>
  const folder = join(OUT, agent.id)
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder, { recursive: true })
  list.forEach((row, i) => {
    const exchange = JSON.parse(execFileSync(process.execPath, [CLI, 'show', row.id, '--data-dir', data], { encoding: 'utf8', maxBuffer: 64 << 20 }))
    const fixture = { capturedFrom: agent.install ?? `scripts/capture-agents/sdk (${agent.id})`, capturedBy: 'scripts/capture-agents/run.ts', ...(cut(exchange) as Record<string, unknown>) }
    writeFileSync(join(folder, `${String(i + 1).padStart(2, '0')}.json`), JSON.stringify(fixture, null, 2) + '\n')
  })
  console.log(`[${agent.id}] ${list.length} exchanges → ${folder}`)
}

function cut(value: unknown): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…[cut: ${value.length - MAX_STRING} more characters]` : value
  if (Array.isArray(value)) return value.map(cut)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cut(v)]))
  return value
}

/** With rules on: each exchange's status, whether a rule patched it, and what the rules said. */
function reportRepairs(agent: AgentSpec, data: string): void {
  const rows = JSON.parse(execFileSync(process.execPath, [CLI, 'list', '--data-dir', data, '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as Array<{
    status: number | null
    patched?: boolean
    repair?: { applied: Array<{ fix: string; changes: string[] }>; skipped: Array<{ fix: string; reason: string }> } | null
  }>
  for (const r of rows) {
    const said = [...(r.repair?.applied ?? []).map((a) => `${a.fix}: ${a.changes.length} change(s)`), ...(r.repair?.skipped ?? []).map((k) => `${k.fix}: ${k.reason}`)]
    console.log(`[${agent.id}]   ${r.status ?? '-'} ${r.patched ? 'patched' : 'as sent'}${said.length ? ` (${said.join('; ').slice(0, 200)})` : ''}`)
  }
}
