// Added latency of a repair rule on live traffic, out of process: three `mimo-inspector serve` processes in
// front of the same local upstream, one with no rule, one with a rule that looks the request up and has nothing
// to change (restore-reasoning-content on a history without tool calls: buffered, parsed, evidence looked up,
// forwarded as it came), one with a rule that patches it (null-content-to-empty: parsed, changed, re-serialised,
// and both bodies recorded). Requests of 1 MB, targets interleaved; each cell is the median over runs.
//   npm run bench -- repair [--runs N]
import { loadavg } from 'node:os'
import { chatBody, measure, median, pct, startLoopbackChild, type Child } from './loopback'
import { startServe } from './proxy-overhead'

const OFF = 'no rule'
const LOOKUP = 'rule on, nothing to change'
const PATCH = 'rule on, request patched'

/** A 1 MB history whose last assistant turn sends `content: null` beside its tool call (what null-content-to-empty fixes). */
function patchableBody(bytes: number): Buffer {
  const body = JSON.parse(chatBody(bytes, false, 7).toString('utf8')) as { messages: unknown[] }
  body.messages.push(
    { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'read_file', arguments: '{"path":"a.ts"}' } }] },
    { role: 'tool', tool_call_id: 'call_1', content: 'file contents' }
  )
  return Buffer.from(JSON.stringify(body))
}

export async function repairBench(runs = 5): Promise<string> {
  const load0 = loadavg()
  const up = await startLoopbackChild('upstream')
  const children: Child[] = [up]
  try {
    const off = await startServe(up.url)
    children.push(off)
    const lookup = await startServe(up.url, '.', false, ['--repair', 'restore-reasoning-content'])
    children.push(lookup)
    const patch = await startServe(up.url, '.', false, ['--repair', 'null-content-to-empty'])
    children.push(patch)
    const body = patchableBody(1024 * 1024)
    const targets = { [OFF]: off.url, [LOOKUP]: lookup.url, [PATCH]: patch.url }
    const p50: Record<string, number[]> = { [OFF]: [], [LOOKUP]: [], [PATCH]: [] }
    const p99: Record<string, number[]> = { [OFF]: [], [LOOKUP]: [], [PATCH]: [] }
    for (let i = 0; i < runs; i++) {
      const r = await measure(targets, '/v1/chat/completions', body, { rounds: 30 })
      for (const t of Object.keys(targets)) {
        p50[t].push(pct(r[t].map((x) => x.total), 50))
        p99[t].push(pct(r[t].map((x) => x.total), 99))
      }
    }
    const fmt = (v: number): string => `${v.toFixed(2)} ms`
    const cell = (xs: number[]): string => `${fmt(median(xs))} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`
    const added = (xs: number[], base: number[]): number[] => xs.map((x, k) => x - base[k])
    const goal = (xs: number[]): string => (median(xs) <= 5 ? 'yes' : 'no')
    const load1 = loadavg()
    return [
      `| 1 MB request (${(body.length / 1024).toFixed(0)} KiB) | ${OFF} | ${LOOKUP} | ${PATCH} |`,
      '| --- | --- | --- | --- |',
      `| p50 | ${cell(p50[OFF])} | ${cell(p50[LOOKUP])} | ${cell(p50[PATCH])} |`,
      `| p99 | ${cell(p99[OFF])} | ${cell(p99[LOOKUP])} | ${cell(p99[PATCH])} |`,
      `| added at p50 over no rule | | ${cell(added(p50[LOOKUP], p50[OFF]))} | ${cell(added(p50[PATCH], p50[OFF]))} |`,
      `| goal: added ≤ 5 ms at p50 | | ${goal(added(p50[LOOKUP], p50[OFF]))} | ${goal(added(p50[PATCH], p50[OFF]))} |`,
      '',
      `- ${runs} runs of 30 requests per target, interleaved round robin, after 10 warm-up requests each; every serve in its own process (the built command, recording to a temp data folder), the upstream in another, this process only the client.`,
      `- "${LOOKUP}": \`serve --repair restore-reasoning-content\` (the history has no tool calls: the body is buffered, parsed and looked up, then sent as it came). "${PATCH}": \`serve --repair null-content-to-empty\` (the last assistant turn has \`content: null\`: parsed, fixed, sent as new JSON, both bodies stored).`,
      `- Load average (1, 5, 15 min) at start ${load0.map((l) => l.toFixed(2)).join(', ')}, at end ${load1.map((l) => l.toFixed(2)).join(', ')}.`
    ].join('\n')
  } finally {
    for (const c of children.reverse()) await c.stop().catch(() => {})
  }
}
