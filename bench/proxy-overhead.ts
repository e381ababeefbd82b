// Added latency of MiMo Inspector's reverse proxy as a user runs it: the built `mimo-inspector serve` in its own
// process (recording to a temp data folder), beside a bare Node pipe proxy in its own process (the floor for any
// proxy written in Node) and a direct call, all to a local upstream in a fourth process. The bench process is
// only the client. Targets are interleaved round robin so machine noise hits all alike, and the whole set is
// repeated `runs` times; each cell is the median over runs with the range beside it.
//   npm run bench -- proxy [--runs N] [--baseline DIR]    BENCH_SERVE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p" profiles serve
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import { agent, chatBody, cpuMs, median, measure, once, pct, resent, SSE_EVENTS, startChild, startLoopbackChild, type Child, type Timing } from './loopback'

const DIRECT = 'direct'
const PIPE = 'bare pipe proxy'
const SERVE = 'mimo-inspector serve'
/** Per target name: one figure (a percentile of one run). */
type Figures = Record<string, number>

interface Case {
  label: string
  /** Per run: the figure of each target. */
  runs: Figures[]
  goal?: { text: string; value(f: Figures, serve: string): number; max: number; ratio?: boolean }
}

/**
 * `mimo-inspector serve`, the built command, in its own process and a fresh data folder; `root` is the checkout
 * whose build it runs (this one by default). With `ui`, a WebSocket is connected to its events, as the open UI
 * does, and counts what arrives.
 */
export async function startServe(upstreamUrl: string, root = '.', ui = false, extraArgs: string[] = []): Promise<Child & { dataDir: string; events(): number }> {
  if (!existsSync(join(root, 'out/cli/cli.js'))) throw new Error(`${root}/out/cli is not built: run \`npm run build\` first (the bench measures the built \`mimo-inspector serve\`)`)
  const dataDir = mkdtempSync(join(tmpdir(), 'mimo-bench-serve-'))
  const nodeArgs = (process.env.BENCH_SERVE_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const r = await startChild(process.execPath, [...nodeArgs, join(root, 'bin/mimo-inspector.js'), 'serve', '--port', '0', '--proxy-port', '0', '--upstream', upstreamUrl, '--data-dir', dataDir, ...extraArgs], (out) =>
    out.includes('Ctrl+C') ? (/Proxy:\s+(http:\/\/\S+)/.exec(out)?.[1] ?? null) : null
  )
  if (typeof r === 'string') throw new Error(`mimo-inspector serve did not start: ${r}`)
  let events = 0
  let socket: WebSocket | null = null
  if (ui) {
    const open = /UI:\s+http:\/\/([^/\s]+)\/\?token=(\S+)/.exec(r.output)
    if (!open) throw new Error(`no UI address in the output of serve: ${r.output}`)
    const ws = new WebSocket(`ws://${open[1]}/api/events?token=${open[2]}`)
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    ws.on('message', () => events++)
    ws.on('error', () => {}) // a serve that dies shows up in the figures; its event stream need not end the bench
    socket = ws
  }
  return {
    ...r,
    dataDir,
    events: () => events,
    stop: async () => {
      socket?.close()
      await r.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

const fmt = (v: number, unit = ' ms'): string => `${v.toFixed(2)}${unit}`
const cell = (xs: number[], unit = ' ms'): string => (xs.length > 1 ? `${fmt(median(xs), unit)} (${fmt(Math.min(...xs), '')}–${fmt(Math.max(...xs), '')})` : fmt(xs[0], unit))

export interface ProxyBenchOptions {
  /** Repetitions of the whole set (default 5). */
  runs?: number
  /** Another checkout with a build (e.g. the commit before a change): its serve joins the same interleaved run. */
  baseline?: string
  /** Connect each serve's UI event stream, as an open browser tab does (default true). */
  ui?: boolean
}

export async function proxyOverhead(options: ProxyBenchOptions = {}): Promise<string> {
  const runs = options.runs ?? 5
  const load0 = loadavg()
  const up = await startLoopbackChild('upstream')
  const children: Child[] = [up]
  try {
    const pipe = await startLoopbackChild('pipe', up.url)
    children.push(pipe)
    const ui = options.ui ?? true
    const serve = await startServe(up.url, '.', ui)
    children.push(serve)
    const targets: Record<string, string> = { [DIRECT]: up.url, [PIPE]: pipe.url, [SERVE]: serve.url }
    const pids: Record<string, number> = { [PIPE]: pipe.pid, [SERVE]: serve.pid }
    const BASE = options.baseline ? `serve at baseline (${options.baseline})` : null
    if (options.baseline && BASE) {
      const base = await startServe(up.url, options.baseline, ui)
      children.push(base)
      targets[BASE] = base.url
      pids[BASE] = base.pid
    }
    const names = Object.keys(targets)
    const serves = BASE ? [SERVE, BASE] : [SERVE]
    const small = chatBody(2 * 1024, false, 1)
    const mb1 = chatBody(1024 * 1024, false, 2)
    const mb5 = chatBody(5 * 1024 * 1024, false, 3)
    const sseBody = chatBody(2 * 1024, true, 4)
    const path = '/v1/chat/completions'
    const ssePath = '/v1/chat/completions?bench=sse'

    const cases: Case[] = []
    const add = (label: string, goal?: Case['goal']): Case => {
      const c: Case = { label, runs: [], ...(goal ? { goal } : {}) }
      cases.push(c)
      return c
    }
    const added = (f: Figures, t: string): number => f[t] - f[DIRECT]
    const c2p50 = add('2 KB request, p50', { text: 'added ≤ 1 ms', value: added, max: 1 })
    const c2p99 = add('2 KB request, p99', { text: 'added ≤ 5 ms', value: added, max: 5 })
    const c1mb = add('1 MB request, p50')
    const c5gap = add('5 MB request, 100 ms apart, p50', { text: '≤ 1.10 × bare pipe', value: (f, t) => f[t] / f[PIPE], max: 1.1, ratio: true })
    const c5 = add('5 MB request, back to back, p50')
    const cSseFirst = add(`SSE ${SSE_EVENTS.toLocaleString('en')} events, first byte p50`, { text: 'added ≤ 2 ms', value: added, max: 2 })
    const cSseLast = add(`SSE ${SSE_EVENTS.toLocaleString('en')} events, last byte p50`)
    const cConc = add('20 concurrent SSE streams, all done p50')

    // CPU each proxy process spends per request (its main thread is the proxy's thread), over all runs.
    const cpu = new Map<string, { n: number; by: Record<string, { main: number; all: number }> }>()
    type Snap = Record<string, ReturnType<typeof cpuMs>>
    const snap = (): Snap => Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuMs(pid)]))
    const count = (key: string, before: Snap | null, n: number): void => {
      const after = snap()
      if (!before) return
      const c = cpu.get(key) ?? { n: 0, by: {} }
      cpu.set(key, c)
      c.n += n
      for (const k of Object.keys(pids)) {
        const a = after[k]
        const b = before[k]
        if (!a || !b) continue
        const t = (c.by[k] ??= { main: 0, all: 0 })
        t.main += a.main - b.main
        t.all += a.all - b.all
      }
    }
    const pick = (r: Record<string, Timing[]>, f: (t: Timing) => number, p: number): Figures => Object.fromEntries(names.map((t) => [t, pct(r[t].map(f), p)]))
    const run = async (key: string, p: string, body: Buffer | null, rounds: number, gapMs = 0): Promise<Record<string, Timing[]>> => {
      let before: Snap | null = null
      const r = await measure(targets, p, body, { rounds, gapMs, onStart: () => (before = snap()) })
      count(key, before, rounds)
      return r
    }

    for (let i = 0; i < runs; i++) {
      const s = await run('2 KB request', path, small, 500)
      c2p50.runs.push(pick(s, (t) => t.total, 50))
      c2p99.runs.push(pick(s, (t) => t.total, 99))
      c1mb.runs.push(pick(await run('1 MB request', path, mb1, 30), (t) => t.total, 50))
      c5gap.runs.push(pick(await run('5 MB request', path, mb5, 20, 100), (t) => t.total, 50))
      c5.runs.push(pick(await run('5 MB request', path, mb5, 20), (t) => t.total, 50))
      const sse = await run(`SSE stream of ${SSE_EVENTS} events`, ssePath, sseBody, 40)
      cSseFirst.runs.push(pick(sse, (t) => t.ttfb, 50))
      cSseLast.runs.push(pick(sse, (t) => t.total, 50))
      const conc: Record<string, number[]> = Object.fromEntries(names.map((t) => [t, []]))
      for (let r = 0; r < 5; r++) {
        for (const t of names) {
          const t0 = performance.now()
          await Promise.all(Array.from({ length: 20 }, () => once(targets[t], ssePath, sseBody)))
          conc[t].push(performance.now() - t0)
        }
      }
      cConc.runs.push(Object.fromEntries(names.map((t) => [t, median(conc[t])])))
    }

    const addedBy = [PIPE, ...serves]
    const lines = [
      `| case | ${names.join(' | ')} | ${addedBy.map((t) => `added by ${t === PIPE ? 'the pipe' : t === SERVE ? 'the inspector' : 'the baseline'}`).join(' | ')} | goal | ${serves.map((t) => (t === SERVE ? 'met' : 'met at baseline')).join(' | ')} |`,
      `| --- | ${names.map(() => '---').join(' | ')} | ${addedBy.map(() => '---').join(' | ')} | --- | ${serves.map(() => '---').join(' | ')} |`
    ]
    for (const c of cases) {
      const col = (f: (x: Figures) => number, unit?: string): string => cell(c.runs.map(f), unit)
      const g = c.goal
      const goalCell = g ? (g.ratio ? `${col((f) => g.value(f, SERVE), '×')} ${g.text}` : g.text) : ''
      const met = (t: string): string => (g ? `${median(c.runs.map((f) => g.value(f, t))) <= g.max ? 'yes' : 'no'} (${c.runs.filter((f) => g.value(f, t) <= g.max).length}/${c.runs.length} runs)` : '')
      lines.push(`| ${c.label} | ${names.map((t) => col((f) => f[t])).join(' | ')} | ${addedBy.map((t) => col((f) => added(f, t))).join(' | ')} | ${goalCell} | ${serves.map(met).join(' | ')} |`)
    }
    const procs = Object.keys(pids)
    const cpuLines = [`| requests | ${procs.map((p) => `${p}: main thread | all threads`).join(' | ')} |`, `| --- | ${procs.map(() => '--- | ---').join(' | ')} |`]
    for (const [k, c] of cpu) cpuLines.push(`| ${k} | ${procs.map((p) => (c.by[p] ? `${fmt(c.by[p].main / c.n)} | ${fmt(c.by[p].all / c.n)}` : '– | –')).join(' | ')} |`)
    const load1 = loadavg()
    return [
      lines.join('\n'),
      '',
      'CPU time per request, summed over all runs (from /proc, 10 ms ticks; the main thread is the proxy\'s thread; "all threads" adds V8\'s GC helpers and, for the inspector, the persist worker):',
      '',
      cpuLines.join('\n'),
      '',
      `- ${runs} runs; each cell is the median of the runs' figures, the range over runs in brackets. Per run: 2 KB 500 requests per target, 1 MB 30, 5 MB 20 (once 100 ms apart, once back to back), SSE 40, 20 concurrent streams 5 times; after 10 warm-up requests per target and case.`,
      `- Every target runs in its own process: the upstream (bench/loopback-child.ts), the bare pipe proxy (same file), \`mimo-inspector serve --upstream UPSTREAM --data-dir TEMP\` (the built command, recording as usual${ui ? `, with the UI's event WebSocket connected as an open tab has it: ${serve.events().toLocaleString('en')} events received` : ', no UI connected'}); this process is only the client (keep-alive).`,
      '- Bodies are OpenAI chat requests of realistic JSON (seeded words); the SSE case posts one with `stream: true`. "Added" is the target minus the direct call in the same run; the 5 MB goal is the inspector over the bare pipe.',
      `- Requests resent because a kept-alive connection closed as it was reused: ${resent.count}.`,
      `- Load average (1, 5, 15 min) at start ${load0.map((l) => l.toFixed(2)).join(', ')}, at end ${load1.map((l) => l.toFixed(2)).join(', ')}, on ${cpus().length} cores.`
    ].join('\n')
  } finally {
    for (const c of children.reverse()) await c.stop().catch(() => {})
    agent.destroy()
  }
}
