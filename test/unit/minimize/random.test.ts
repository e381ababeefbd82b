// Random histories (several tool calls per turn, plain-text turns, extra blocks, parameters, system parts)
// and random failure conditions (1–3 things that must all be present): every candidate the minimizer builds
// is valid, the result still fails, and it is 1-minimal: dropping any one needed thing makes it pass.
import { removableSingles } from './one-minimal'
import { describe, expect, it } from 'vitest'
import { minimize } from '../../../src/main/core/repro/minimize/minimize'
import { syntheticOracle, TARGET } from './helpers'

type Body = Record<string, unknown>
type Msg = Record<string, unknown>

function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A random history; every block carries a unique `mark` so a condition can ask for it. */
function randomBody(protocol: 'anthropic' | 'openai', r: () => number): { body: Body; marks: string[] } {
  const marks: string[] = []
  const mark = (): string => {
    const m = `m${marks.length}`
    marks.push(m)
    return m
  }
  const turns = 3 + Math.floor(r() * 25)
  const ms: Msg[] = []
  let id = 0
  if (protocol === 'openai') ms.push({ role: 'system', content: `sys ${mark()}` }, ...(r() < 0.5 ? [{ role: 'system', content: `sys ${mark()}` }] : []))
  ms.push({ role: 'user', content: protocol === 'anthropic' ? [{ type: 'text', text: `task ${mark()}` }, { type: 'text', text: `more ${mark()}` }] : `task ${mark()}` })
  for (let t = 0; t < turns; t++) {
    const calls = r() < 0.25 ? 0 : 1 + Math.floor(r() * 3)
    const ids = Array.from({ length: calls }, () => `toolu_${id++}`)
    if (protocol === 'anthropic') {
      const content: Msg[] = [{ type: 'thinking', thinking: `think ${mark()}`, signature: '' }]
      if (r() < 0.5) content.push({ type: 'text', text: `say ${mark()}` })
      for (const i of ids) content.push({ type: 'tool_use', id: i, name: `tool_${Math.floor(r() * 6)}`, input: { m: mark() } })
      ms.push({ role: 'assistant', content })
      const reply: Msg[] = ids.map((i) => ({ type: 'tool_result', tool_use_id: i, content: `result ${mark()}` }))
      if (calls === 0 || r() < 0.3) reply.push({ type: 'text', text: `user ${mark()}` })
      ms.push({ role: 'user', content: reply })
    } else {
      const tool_calls = ids.map((i) => ({ id: i, type: 'function', function: { name: `tool_${Math.floor(r() * 6)}`, arguments: JSON.stringify({ m: mark() }) } }))
      ms.push({ role: 'assistant', content: calls === 0 || r() < 0.3 ? `say ${mark()}` : '', reasoning_content: `think ${mark()}`, ...(calls > 0 ? { tool_calls } : {}) })
      for (const i of ids) ms.push({ role: 'tool', tool_call_id: i, content: `result ${mark()}` })
      if (calls === 0 || r() < 0.3) ms.push({ role: 'user', content: [{ type: 'text', text: `user ${mark()}` }, { type: 'text', text: `more ${mark()}` }] })
    }
  }
  const tools = Array.from({ length: 8 }, (_, i) =>
    protocol === 'anthropic' ? { name: `tool_${i}`, description: `d ${mark()}`, input_schema: { type: 'object' } } : { type: 'function', function: { name: `tool_${i}`, description: `d ${mark()}`, parameters: { type: 'object' } } }
  )
  const body: Body = { model: 'mimo-v2.5-pro', stream: true, tools, messages: ms, temperature: 0.5, top_p: 0.9, metadata: { m: mark() } }
  if (protocol === 'anthropic') Object.assign(body, { max_tokens: 1000, system: [{ type: 'text', text: `s ${mark()}` }, { type: 'text', text: `s ${mark()}` }] })
  else body.tool_choice = 'auto'
  return { body, marks }
}

const present = (b: Body, m: string): boolean => JSON.stringify(b).includes(`${m}"`) || JSON.stringify(b).includes(`${m}\\"`)

describe('random histories', () => {
  for (const protocol of ['anthropic', 'openai'] as const) {
    it(`${protocol}: 60 random cases, valid candidates only, 1-minimal results`, async () => {
      const r = rng(protocol === 'anthropic' ? 7 : 11)
      for (let c = 0; c < 60; c++) {
        const { body, marks } = randomBody(protocol, r)
        const needed = Array.from({ length: 1 + Math.floor(r() * 3) }, () => marks[Math.floor(r() * marks.length)])
        const failing = (b: Body): boolean => needed.every((m) => present(b, m))
        const rec = syntheticOracle(protocol, failing)
        const result = await minimize({ protocol, body, target: TARGET, oracle: rec.oracle, budget: 1000 })
        expect(rec.invalid, `case ${c}`).toEqual([])
        expect(new Set(rec.sent).size).toBe(rec.sent.length)
        expect(failing(result.body), `case ${c}`).toBe(true)
        expect(result.stoppedBecause, `case ${c}`).toBe('done')
        expect(removableSingles(protocol, result.body, failing), `case ${c}`).toEqual([])
        expect(result.oneMinimal).toBe(true)
        expect(result.bytes).toBeLessThanOrEqual(result.originalBytes)
      }
    })
  }
})
