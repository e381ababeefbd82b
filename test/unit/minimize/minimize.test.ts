// The minimizer on synthetic oracles: one culprit, a pair, a parameter plus a message; log-many calls for
// one culprit; valid candidates only; budget, cancel, OracleStop; no candidate sent twice.
import { describe, expect, it } from 'vitest'
import { minimize, OracleStop, type MinimizeOptions, type MinimizeProgress } from '../../../src/main/core/repro/minimize/minimize'
import { expectOneMinimal } from './one-minimal'
import { anthropicHistory, anthropicR02, callsIn, mentions, messagesOf, openaiHistory, openaiR02, syntheticOracle, TARGET } from './helpers'

type Body = Record<string, unknown>

async function run(protocol: 'anthropic' | 'openai', body: Body, failing: (b: Body) => boolean, extra: Partial<MinimizeOptions> = {}) {
  const rec = syntheticOracle(protocol, failing)
  const progress: MinimizeProgress[] = []
  const result = await minimize({ protocol, body, target: TARGET, oracle: rec.oracle, budget: 200, onProgress: (p) => progress.push(p), ...extra })
  return { result, rec, progress }
}

/** The culprit turn sits about a third of the way in: neither end, so no search gets it for free. */
const culpritTurn = (n: number): number => Math.floor((n - 1) / 6)

describe('one culprit message (an assistant tool turn without thinking)', () => {
  it.each([10, 100, 1000])('Anthropic, n = %i: 3 messages left, 1-minimal', async (n) => {
    const k = culpritTurn(n)
    const { result, rec } = await run('anthropic', anthropicHistory(n, [k]), anthropicR02)
    const ms = messagesOf(result.body)
    expect(ms.map((m) => m.role)).toEqual(['user', 'assistant', 'user'])
    expect(JSON.stringify(ms[1])).toContain(`toolu_${k}"`)
    expect(anthropicR02(result.body)).toBe(true)
    expect(result).toMatchObject({ stoppedBecause: 'done', stopReason: null })
    expectOneMinimal('anthropic', result, anthropicR02)
    expect(rec.invalid).toEqual([])
    // Unused tools and the extra text block went too.
    expect(result.body.tools).toEqual([expect.objectContaining({ name: `tool_${k % 5}` })])
    expect((ms[1].content as unknown[]).length).toBe(1)
  })

  it('oracle calls grow like log2(n): the prefix search is a binary search over the turns', async () => {
    const rows: Array<{ n: number; prefix: number; total: number }> = []
    for (const n of [10, 100, 1000, 10000]) {
      const { result, progress } = await run('anthropic', anthropicHistory(n, [culpritTurn(n)]), anthropicR02)
      const prefix = callsIn(progress, 'prefix')
      rows.push({ n, prefix, total: result.requestsUsed })
      // ⌈log2(turns)⌉ ≤ ⌈log2(n)⌉ calls to find the prefix; the rest is a constant number of checks.
      expect(prefix).toBeLessThanOrEqual(Math.ceil(Math.log2(n)))
      expect(prefix).toBeGreaterThanOrEqual(Math.floor(Math.log2(n / 2)))
      expect(result.requestsUsed).toBeLessThanOrEqual(Math.ceil(Math.log2(n)) + 8)
    }
    console.log(rows.map((r) => `n=${r.n}: prefix ${r.prefix}, total ${r.total}, log2(n) ${Math.log2(r.n).toFixed(1)}`).join('\n'))
  })

  it('with the culprit index known, the prefix takes one call', async () => {
    const n = 1000
    const k = culpritTurn(n)
    const { result, progress } = await run('anthropic', anthropicHistory(n, [k]), anthropicR02, { culpritIndex: 2 * k + 1 })
    expect(callsIn(progress, 'prefix')).toBe(1)
    expect(messagesOf(result.body)).toHaveLength(3)
    expectOneMinimal('anthropic', result, anthropicR02)
    expect(result.requestsUsed).toBeLessThanOrEqual(15)
    expect(result.removed[0]).toBe(`removed messages 1–${2 * k} and ${2 * k + 3}–${n - 1} (${n - 3} messages)`)
  })

  it.each([10, 100, 1000])('OpenAI, n = %i: user, the culprit call and its tool message (the system prompt goes too)', async (n) => {
    const k = culpritTurn(n)
    const { result, rec, progress } = await run('openai', openaiHistory(n, [k]), openaiR02)
    const ms = messagesOf(result.body)
    expect(ms.map((m) => m.role)).toEqual(['user', 'assistant', 'tool'])
    expect(ms[2].tool_call_id).toBe(`call_${k}`)
    expectOneMinimal('openai', result, openaiR02)
    expect(rec.invalid).toEqual([])
    expect(callsIn(progress, 'prefix')).toBeLessThanOrEqual(Math.ceil(Math.log2(n)) + 1)
  })

  it('fits the default budget of 60 at n = 1000 without a hint', async () => {
    const { result } = await run('anthropic', anthropicHistory(1000, [300]), anthropicR02, { budget: undefined })
    expect(result).toMatchObject({ stoppedBecause: 'done' })
    expectOneMinimal('anthropic', result, anthropicR02)
    expect(result.requestsUsed).toBeLessThanOrEqual(60)
  })
})

describe('a pair of messages, both needed', () => {
  it.each([
    ['anthropic', 100],
    ['anthropic', 1000],
    ['openai', 1000]
  ] as const)('%s, n = %i', async (protocol, n) => {
    const body = protocol === 'anthropic' ? anthropicHistory(n) : openaiHistory(n)
    const [i, j] = [Math.floor(n / 5), Math.floor((3 * n) / 5)].map((x) => x - (x % 2) + (protocol === 'anthropic' ? 2 : 3))
    // Markers in two tool results: the request fails only with both present.
    messagesOf(body)[i] = { ...messagesOf(body)[i], __marker: 'A' }
    messagesOf(body)[j] = { ...messagesOf(body)[j], __marker: 'B' }
    const failing = (b: Body): boolean => mentions(b, '"__marker":"A"') && mentions(b, '"__marker":"B"')
    const { result, rec } = await run(protocol, body, failing)
    expect(failing(result.body)).toBe(true)
    expectOneMinimal(protocol, result, failing)
    expect(rec.invalid).toEqual([])
    // The first user message, the two turns holding the markers (assistant + result each); OpenAI's system prompt goes.
    expect(messagesOf(result.body)).toHaveLength(5)
    expect(result.requestsUsed).toBeLessThanOrEqual(4 * Math.log2(n) + 15)
  })
})

describe('a parameter plus a message', () => {
  it('keeps temperature and the one turn, drops the other parameters', async () => {
    const body = anthropicHistory(200, [40], { temperature: 0.7, top_p: 0.9, metadata: { user_id: 'u' }, stop_sequences: ['x'] })
    const failing = (b: Body): boolean => b.temperature !== undefined && anthropicR02(b)
    const { result, rec } = await run('anthropic', body, failing)
    expect(result.body.temperature).toBe(0.7)
    expect(result.body).not.toHaveProperty('top_p')
    expect(result.body).not.toHaveProperty('metadata')
    expect(result.body.stream).toBe(true) // stream is kept as sent
    expect(messagesOf(result.body)).toHaveLength(3)
    expectOneMinimal('anthropic', result, failing)
    expect(rec.invalid).toEqual([])
    expect(result.removed).toContain('removed top_p, metadata and stop_sequences')
  })
})

describe('tool pairs and validity', () => {
  it('never builds an invalid candidate, even when blocks are removable one by one', async () => {
    // Two tool calls in one turn (both must stay paired with their results), extra text blocks everywhere.
    const body = anthropicHistory(60, [9])
    const ms = messagesOf(body)
    ms[19] = { ...ms[19], content: [...(ms[19].content as unknown[]), { type: 'tool_use', id: 'toolu_x', name: 'tool_1', input: {} }] }
    ms[20] = { ...ms[20], content: [...(ms[20].content as unknown[]), { type: 'tool_result', tool_use_id: 'toolu_x', content: 'x' }, { type: 'text', text: 'also this' }] }
    const { result, rec } = await run('anthropic', body, anthropicR02)
    expect(rec.invalid).toEqual([])
    expect(rec.sent.length).toBeGreaterThan(10)
    expect(messagesOf(result.body)).toHaveLength(3)
    expectOneMinimal('anthropic', result, anthropicR02)
  })

  it('OpenAI: a removed tool call takes its tool message along', async () => {
    const body = openaiHistory(40, [5])
    const ms = messagesOf(body)
    // Turn 5 makes two calls; the failure needs only the turn.
    ms[12] = { ...ms[12], tool_calls: [...(ms[12].tool_calls as unknown[]), { id: 'call_x', type: 'function', function: { name: 'tool_2', arguments: '{}' } }] }
    ms.splice(14, 0, { role: 'tool', tool_call_id: 'call_x', content: 'x' })
    const { result, rec } = await run('openai', body, openaiR02)
    expect(rec.invalid).toEqual([])
    const out = messagesOf(result.body)
    expect(out.map((m) => m.role)).toEqual(['user', 'assistant', 'tool'])
    expect((out[1].tool_calls as unknown[]).length).toBe(1)
    expectOneMinimal('openai', result, openaiR02)
  })
})

describe('big parts: tools, texts, system, parameters', () => {
  it('strips a Claude-Code-like request down and says what it removed', async () => {
    const long = 'x'.repeat(5000)
    const body = anthropicHistory(41, [7], {
      system: [
        { type: 'text', text: 'You are Claude Code. ' + long },
        { type: 'text', text: 'Environment: ' + long }
      ],
      tools: Array.from({ length: 60 }, (_, i) => ({ name: `tool_${i}`, description: long, input_schema: { type: 'object' } })),
      temperature: 1
    })
    const ms = messagesOf(body)
    ms[16] = { ...ms[16], content: [{ type: 'tool_result', tool_use_id: 'toolu_7', content: 'file contents '.repeat(500) }] }
    const { result, rec } = await run('anthropic', body, anthropicR02)
    expect(rec.invalid).toEqual([])
    expect(result.bytes).toBeLessThan(1000)
    expect(result.originalBytes).toBeGreaterThan(300_000)
    expect(result.body).not.toHaveProperty('system')
    expect(result.removed).toEqual([
      'removed messages 1–14 and 17–40 (38 messages)',
      'removed 59 unused tools',
      'removed 1 content block (a tool call goes with its results)',
      'shortened 4 texts to stubs', // both system parts, the tool's description, the tool result
      'removed the system prompt',
      'removed temperature'
    ])
    const result16 = (messagesOf(result.body)[2].content as Array<Record<string, unknown>>)[0]
    expect(result16.content).toBe('file contents file contents file content…')
  })

  it('keeps a system part and a tool the failure needs', async () => {
    const body = anthropicHistory(21, [3], {
      system: [{ type: 'text', text: 'part one' }, { type: 'text', text: 'NEEDED' }, { type: 'text', text: 'part three' }],
      tools: [...Array.from({ length: 10 }, (_, i) => ({ name: `tool_${i}`, input_schema: { type: 'object' } })), { name: 'special', input_schema: { type: 'object' } }]
    })
    const failing = (b: Body): boolean => anthropicR02(b) && mentions(b, 'NEEDED') && mentions(b, '"special"')
    const { result, rec } = await run('anthropic', body, failing)
    expect(rec.invalid).toEqual([])
    expect(result.body.system).toEqual([{ type: 'text', text: 'NEEDED' }])
    expect((result.body.tools as Array<{ name: string }>).map((t) => t.name).sort()).toEqual(['special', 'tool_3'])
    expect(result.removed).toContain('removed system prompt parts (2 of 3)')
    expectOneMinimal('anthropic', result, failing)
  })
})

describe('OpenAI system messages, tool_choice', () => {
  it('drops every system message when the failure needs none, and tools with tool_choice', async () => {
    const body = openaiHistory(30, [], { tool_choice: 'auto', parallel_tool_calls: true, temperature: 0.2 })
    const ms = messagesOf(body)
    ms.splice(1, 0, { role: 'system', content: 'Second system part. '.repeat(30) }, { role: 'system', content: 'Third.' })
    ms[0] = { ...ms[0], content: 'You are a coding agent. '.repeat(40) }
    // Fails on the parameter alone: every turn can go, and with them every tool.
    const { result, rec } = await run('openai', body, (b) => b.temperature !== undefined)
    expect(rec.invalid).toEqual([])
    expect(messagesOf(result.body)).toEqual([{ role: 'user', content: 'Fix the failing test.' }])
    expect(result.body).not.toHaveProperty('tools')
    expect(result.body).not.toHaveProperty('tool_choice')
    expect(result.body).toMatchObject({ temperature: 0.2, stream: true })
    expect(result.removed).toEqual([
      'removed messages 4–31 (28 messages)',
      'removed 8 unused tools',
      'shortened 2 texts to stubs',
      'removed all 3 system messages'
    ])
    expectOneMinimal('openai', result, (b) => b.temperature !== undefined)
  })
})

describe('running out, cancelling, stopping', () => {
  it('never exceeds the budget and returns the best so far', async () => {
    for (const budget of [0, 1, 5, 12]) {
      const body = anthropicHistory(500, [100])
      const { result, rec } = await run('anthropic', body, anthropicR02, { budget })
      expect(rec.sent.length).toBeLessThanOrEqual(budget)
      expect(result.requestsUsed).toBe(rec.sent.length)
      expect(result).toMatchObject({ stoppedBecause: 'budget', oneMinimal: false })
      expect(anthropicR02(result.body)).toBe(true)
      if (budget >= 5) expect(messagesOf(result.body).length).toBeLessThan(500)
    }
  })

  it('cancel keeps the best so far', async () => {
    const controller = new AbortController()
    const body = anthropicHistory(1000, [100])
    const rec = syntheticOracle('anthropic', anthropicR02)
    let best = Infinity
    const result = await minimize({
      protocol: 'anthropic',
      body,
      target: TARGET,
      budget: 200,
      signal: controller.signal,
      oracle: async (c) => {
        if (rec.sent.length === 8) controller.abort()
        return rec.oracle(c)
      },
      onProgress: (p) => (best = Math.min(best, p.currentBytes))
    })
    expect(result.stoppedBecause).toBe('cancelled')
    expect(result.requestsUsed).toBe(9)
    expect(anthropicR02(result.body)).toBe(true)
    expect(result.bytes).toBe(best)
    expect(result.bytes).toBeLessThan(result.originalBytes / 2)
    expect(messagesOf(body)).toHaveLength(1000) // the input is never modified
  })

  it('a cancel during a slow call returns without waiting for it', async () => {
    const controller = new AbortController()
    let calls = 0
    const result = await minimize({
      protocol: 'anthropic',
      body: anthropicHistory(100, [10]),
      target: TARGET,
      budget: 50,
      signal: controller.signal,
      oracle: (c) => {
        if (++calls === 3) {
          setTimeout(() => controller.abort(), 5)
          return new Promise(() => {}) // never answers
        }
        return Promise.resolve({ fingerprint: anthropicR02(c) ? TARGET : 'ok' })
      }
    })
    expect(result).toMatchObject({ stoppedBecause: 'cancelled', requestsUsed: 3 })
  })

  it('OracleStop ends the run with its reason, keeping the best', async () => {
    const rec = syntheticOracle('anthropic', anthropicR02)
    const result = await minimize({
      protocol: 'anthropic',
      body: anthropicHistory(300, [50]),
      target: TARGET,
      oracle: async (c) => {
        if (rec.sent.length === 6) throw new OracleStop('401 Invalid API Key')
        return rec.oracle(c)
      }
    })
    expect(result).toMatchObject({ stoppedBecause: 'stopped', stopReason: '401 Invalid API Key', requestsUsed: 7, oneMinimal: false })
    expect(anthropicR02(result.body)).toBe(true)
    expect(result.bytes).toBeLessThan(result.originalBytes)
  })

  it('an oracle that throws something else stops the run too', async () => {
    let calls = 0
    const result = await minimize({
      protocol: 'openai',
      body: openaiHistory(50, [3]),
      target: TARGET,
      oracle: async (c) => {
        if (++calls === 4) throw new Error('socket hang up')
        return { fingerprint: openaiR02(c) ? TARGET : 'ok' }
      }
    })
    expect(result).toMatchObject({ stoppedBecause: 'stopped', stopReason: 'the oracle failed: socket hang up', requestsUsed: 4 })
    expect(openaiR02(result.body)).toBe(true)
  })

  it('an already aborted signal sends nothing', async () => {
    const rec = syntheticOracle('anthropic', anthropicR02)
    const controller = new AbortController()
    controller.abort()
    const body = anthropicHistory(20, [2])
    const result = await minimize({ protocol: 'anthropic', body, target: TARGET, oracle: rec.oracle, signal: controller.signal })
    expect(result).toMatchObject({ stoppedBecause: 'cancelled', requestsUsed: 0, body, oneMinimal: false })
    expect(rec.sent).toEqual([])
  })

  it('an original that does not fail that way is reported, not minimized', async () => {
    const { result } = await run('anthropic', anthropicHistory(20), anthropicR02)
    expect(result).toMatchObject({ stoppedBecause: 'stopped', requestsUsed: 1, removed: [] })
    expect(result.stopReason).toBe('the original request does not fail that way (it gave: ok)')
  })
})

describe('bookkeeping', () => {
  it('never sends the same candidate twice and reports after every call', async () => {
    const { result, rec, progress } = await run('anthropic', anthropicHistory(400, [30, 120]), (b) => mentions(b, 'toolu_30"') && mentions(b, 'toolu_120"') && anthropicR02(b))
    expect(new Set(rec.sent).size).toBe(rec.sent.length)
    expect(progress.map((p) => p.requestsUsed)).toEqual(Array.from({ length: result.requestsUsed }, (_, i) => i + 1))
    const lastReport = progress[progress.length - 1]
    expect(lastReport).toMatchObject({ budget: 200, originalMessages: 400, currentBytes: result.bytes, messages: messagesOf(result.body).length })
  })
})
