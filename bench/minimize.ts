// Minimizer: oracle calls against history length for a synthetic single culprit (an assistant tool turn
// without thinking, MiMo's R02) and for a pair of messages that fail only together; then the wall time of
// a predicted-oracle run (diagnosis rules, no network) on a ~1 MB, 200-message Claude-Code-like request.
import { diagnose } from '../src/main/core/diagnose/diagnose'
import { minimize, type MinimizeOptions } from '../src/main/core/repro/minimize/minimize'
import { predictedOracle, predictedTarget } from '../src/main/core/repro/minimize/predicted-oracle'

const RUNS = 5

type Body = Record<string, unknown>
type Msg = Record<string, unknown>

const thought = (k: number): string => `I should read file ${k} and check how it uses the helper. `.repeat(8)

/** user, then n turns (assistant [thinking, text, tool_use], user [tool_result]); `bad` turns lose thinking. */
function session(messages: number, bad: readonly number[], size = { result: 40, tools: 8, toolText: 100, system: 100 }): Body {
  const ms: Msg[] = [{ role: 'user', content: 'Refactor the helpers so the tests pass.' }]
  for (let k = 0; ms.length + 2 <= messages; k++) {
    const id = `toolu_${String(k).padStart(4, '0')}`
    const first = bad.includes(k) ? { type: 'text', text: thought(k) } : { type: 'thinking', thinking: thought(k), signature: '' }
    ms.push({ role: 'assistant', content: [first, { type: 'tool_use', id, name: `tool_${k % 7}`, input: { path: `src/f${k}.ts` } }] })
    ms.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: `// src/f${k}.ts\n`.padEnd(size.result, 'x') }] })
  }
  const tools = Array.from({ length: size.tools }, (_, i) => ({
    name: `tool_${i}`,
    description: `Tool ${i}: does one thing well. `.padEnd(size.toolText, 'Usage notes and examples. '),
    input_schema: { type: 'object', properties: { path: { type: 'string', description: 'Absolute path.' } }, required: ['path'] }
  }))
  const system = [
    { type: 'text', text: 'You are Claude Code, an interactive CLI tool. '.padEnd(size.system, 'Follow the rules. ') },
    { type: 'text', text: '<env>Working directory: /repo</env> '.padEnd(size.system / 4, 'More context. ') }
  ]
  return { model: 'mimo-v2.5-pro', max_tokens: 32000, stream: true, thinking: { type: 'enabled' }, temperature: 1, metadata: { user_id: 'u' }, system, tools, messages: ms }
}

const noThinking = (b: Body): boolean =>
  (b.messages as Msg[]).some((m) => m.role === 'assistant' && Array.isArray(m.content) && m.content.some((x: Msg) => x.type === 'tool_use') && !m.content.some((x: Msg) => x.type === 'thinking'))
const has = (b: Body, id: string): boolean => JSON.stringify(b.messages).includes(`"${id}"`)

async function calls(body: Body, failing: (b: Body) => boolean, extra: Partial<MinimizeOptions> = {}): Promise<{ prefix: number; total: number; oneMinimal: boolean; messages: number }> {
  let prefix = 0
  let last = 0
  const result = await minimize({
    protocol: 'anthropic',
    body,
    target: 'F',
    budget: 500,
    oracle: async (c) => ({ fingerprint: failing(c) ? 'F' : 'ok' }),
    onProgress: (p) => {
      if (p.phase === 'prefix' && p.requestsUsed > last) prefix++
      last = p.requestsUsed
    },
    ...extra
  })
  return { prefix, total: result.requestsUsed, oneMinimal: result.oneMinimal, messages: (result.body.messages as unknown[]).length }
}

async function callTable(): Promise<string> {
  const rows = ['| case | n (messages) | log2(n) | prefix-search calls | total oracle calls | 1-minimal | messages left |', '| --- | --- | --- | --- | --- | --- | --- |']
  for (const n of [10, 100, 1000, 10000]) {
    const k = Math.floor((n - 1) / 6)
    const r = await calls(session(n, [k]), noThinking)
    rows.push(`| single culprit | ${n} | ${Math.log2(n).toFixed(1)} | ${r.prefix} | ${r.total} | ${r.oneMinimal} | ${r.messages} |`)
    const h = await calls(session(n, [k]), noThinking, { culpritIndex: 2 * k + 1 })
    rows.push(`| single culprit, index known | ${n} | ${Math.log2(n).toFixed(1)} | ${h.prefix} | ${h.total} | ${h.oneMinimal} | ${h.messages} |`)
  }
  for (const n of [10, 100, 1000, 10000]) {
    const [a, b] = [Math.floor(n / 10), Math.floor((3 * n) / 5) - 1].map((m) => Math.max(0, Math.floor((m - 1) / 2)))
    const ids = [a, b].map((k) => `toolu_${String(k).padStart(4, '0')}`)
    const r = await calls(session(n, []), (body) => ids.every((id) => has(body, id)))
    rows.push(`| pair (both needed) | ${n} | ${Math.log2(n).toFixed(1)} | ${r.prefix} | ${r.total} | ${r.oneMinimal} | ${r.messages} |`)
  }
  return rows.join('\n')
}

async function predictedRun(): Promise<string> {
  // Claude-Code-like: 50 tools of ~10 KB, a ~75 KB system prompt, 200 messages with ~4 KB tool results.
  const body = session(200, [60], { result: 4000, tools: 50, toolText: 10_000, system: 60_000 })
  const bytes = Buffer.byteLength(JSON.stringify(body))
  const mimo400 = 'data:{"error":{"code":"400","message":"Param Incorrect","param":"The reasoning_content in the thinking mode must be passed back to the API.","type":""}}'
  const rows = [`| predicted oracle, Claude-Code-like request (diagnose + minimize, median of ${RUNS}) | size | oracle calls | time | result |`, '| --- | --- | --- | --- | --- |']
  for (const hint of [false, true]) {
    const once = async (): Promise<{ ms: number; result: Awaited<ReturnType<typeof minimize>> }> => {
      const t0 = performance.now()
      const d = diagnose({ protocol: 'anthropic', body, status: 400, responseText: mimo400, responseContentType: 'text/event-stream' })
      const result = await minimize({
        protocol: 'anthropic',
        body,
        target: predictedTarget(d)!,
        oracle: predictedOracle('anthropic', d),
        budget: 200,
        culpritIndex: hint ? d.culprit!.messageIndex : null
      })
      return { ms: performance.now() - t0, result }
    }
    await once() // warms the JIT
    const runs = []
    for (let r = 0; r < RUNS; r++) runs.push(await once())
    const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(RUNS / 2)]
    const result = runs[0].result
    const label = hint ? '200 messages, culprit index from the diagnosis' : '200 messages, no culprit index'
    const left = `${(result.body.messages as unknown[]).length} messages, ${result.bytes} B, ${result.stoppedBecause}, 1-minimal ${result.oneMinimal}`
    rows.push(`| ${label} | ${(bytes / 1024 / 1024).toFixed(2)} MB | ${result.requestsUsed} | ${ms.toFixed(0)} ms | ${left} |`)
  }
  return rows.join('\n')
}

export async function minimizeBench(): Promise<string> {
  return (await callTable()) + '\n\n' + (await predictedRun())
}
