// Added latency of a repair rule on live traffic, out of process: three `mimo-inspector serve` processes in
// front of the same local upstream (no rule; restore-reasoning-content; null-content-to-empty), sent the same
// 1 MB requests, targets interleaved; each cell is the median over runs. The upstream answers a tool call with
// its reasoning, so the restore rule's store holds the recorded response it restores from.
//   npm run bench -- repair [--runs N]
// Scenarios (each against the no-rule serve with the same body):
// - restored: the history's last assistant turn comes back without its reasoning_content (what a forgetful
//   agent sends); the rule finds the recorded response by its tool call id, puts the reasoning back, and sends
//   the body re-written.
// - nothing to change: the same turn carries its reasoning_content; the rule looks the turn up, compares, and
//   sends the client's bytes.
// - patched without a lookup: null-content-to-empty sets that turn's `content: null` to "".
import { execFileSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { chatBody, measure, median, pct, startLoopbackChild, TOOL_TURN, type Child } from './loopback'
import { startServe } from './proxy-overhead'

const PATH = '/v1/chat/completions?tools'
const OFF = 'no rule'
const RESTORE = 'restore-reasoning-content'
const NULL = 'null-content-to-empty'

/** A 1 MB history that ends with the tool turn TOOL_TURN and its result; `keep` false drops its reasoning. */
function historyBody(bytes: number, keep: boolean): Buffer {
  const body = JSON.parse(chatBody(bytes, false, 7).toString('utf8')) as { messages: unknown[] }
  const { reasoning_content, ...dropped } = TOOL_TURN
  body.messages.push(keep ? { ...dropped, reasoning_content } : dropped, { role: 'tool', tool_call_id: TOOL_TURN.tool_calls[0].id, content: 'export const a = 1' })
  return Buffer.from(JSON.stringify(body))
}

interface Scenario {
  name: string
  target: string
  body: Buffer
  p50: number[]
  p99: number[]
  base50: number[]
  base99: number[]
}

export async function repairBench(runs = 5): Promise<string> {
  const load0 = loadavg()
  const up = await startLoopbackChild('upstream')
  const children: Child[] = [up]
  try {
    const off = await startServe(up.url)
    children.push(off)
    const restore = await startServe(up.url, '.', false, ['--repair', RESTORE])
    children.push(restore)
    const nulls = await startServe(up.url, '.', false, ['--repair', NULL])
    children.push(nulls)
    const drops = historyBody(1024 * 1024, false)
    const keeps = historyBody(1024 * 1024, true)
    const scenario = (name: string, target: string, body: Buffer): Scenario => ({ name, target, body, p50: [], p99: [], base50: [], base99: [] })
    const scenarios = [
      scenario(`${RESTORE}: restored from the recorded response`, restore.url, drops),
      scenario(`${RESTORE}: nothing to change`, restore.url, keeps),
      scenario(`${NULL}: patched, no lookup`, nulls.url, drops)
    ]
    for (let i = 0; i < runs; i++) {
      for (const s of scenarios) {
        const r = await measure({ [OFF]: off.url, [s.name]: s.target }, PATH, s.body, { rounds: 30 })
        const totals = (k: string): number[] => r[k].map((x) => x.total)
        s.p50.push(pct(totals(s.name), 50))
        s.p99.push(pct(totals(s.name), 99))
        s.base50.push(pct(totals(OFF), 50))
        s.base99.push(pct(totals(OFF), 99))
      }
    }
    // The figures mean something only if the rule did its work: count what the restore serve recorded.
    const patched = patchedCounts(restore.dataDir)
    const fmt = (xs: number[]): string => `${median(xs).toFixed(2)} ms (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`
    const added = (s: Scenario): number[] => s.p50.map((x, k) => x - s.base50[k])
    const load1 = loadavg()
    return [
      `| 1 MB request (${(drops.length / 1024).toFixed(0)} KiB), one rule on | p50 no rule | p50 rule on | added at p50 | p99 no rule | p99 rule on | goal: added ≤ 5 ms at p50 |`,
      '| --- | --- | --- | --- | --- | --- | --- |',
      ...scenarios.map((s) => `| ${s.name} | ${fmt(s.base50)} | ${fmt(s.p50)} | ${fmt(added(s))} | ${fmt(s.base99)} | ${fmt(s.p99)} | ${median(added(s)) <= 5 ? 'yes' : 'no'} |`),
      '',
      `- ${runs} runs; in each, per scenario, 30 requests to the no-rule serve and 30 to the rule's, interleaved, after 10 warm-up requests each; every serve in its own process (the built command, recording to a temp data folder), the upstream in another, this process only the client.`,
      `- The body: a 1 MB history of alternating turns, then an assistant tool call and its result. "restored": that turn comes without its reasoning_content and the rule puts back the ${TOOL_TURN.reasoning_content.length} characters the upstream returned for it (found in the store by tool call id), re-writing the body. "nothing to change": the turn carries its reasoning; the rule looks it up and the client's bytes go out. "patched, no lookup": \`content: null\` becomes "".`,
      `- Checked from the restore serve's own records (\`list --json\`): the rule restored the reasoning in ${patched.restored} requests (the "restored" scenario sent ${runs * 40}, the first before anything was recorded) and patched ${patched.wrong} others.`,
      `- Load average (1, 5, 15 min) at start ${load0.map((l) => l.toFixed(2)).join(', ')}, at end ${load1.map((l) => l.toFixed(2)).join(', ')}.`
    ].join('\n')
  } finally {
    for (const c of children.reverse()) await c.stop().catch(() => {})
  }
}

/** From `list --json` of a serve's data folder: requests the restore patched, and requests patched otherwise. */
function patchedCounts(dataDir: string): { restored: number; wrong: number } {
  const out = execFileSync(process.execPath, ['bin/mimo-inspector.js', 'list', '--data-dir', dataDir, '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const rows = JSON.parse(out) as Array<{ patched?: boolean; requestSize?: number; repair?: { applied: Array<{ fix: string }> } | null }>
  const restored = rows.filter((r) => r.patched && r.repair?.applied.some((a) => a.fix === RESTORE)).length
  return { restored, wrong: rows.filter((r) => r.patched).length - restored }
}
