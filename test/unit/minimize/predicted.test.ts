// The offline oracle: the diagnosis rules decide whether a candidate still breaks the culprit's rule. On the
// shared fixtures it shrinks the request to a few messages that still carry the R02 culprit.
import { readFileSync } from 'node:fs'
import { expectOneMinimal } from './one-minimal'
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/main/core/diagnose/diagnose'
import { minimize } from '../../../src/main/core/repro/minimize/minimize'
import { predictedOracle, predictedTarget } from '../../../src/main/core/repro/minimize/predicted-oracle'
import type { Diagnosis } from '../../../src/shared/types'
import { problems } from './helpers'

interface Exchange {
  request: { path: string; body: Record<string, unknown> }
  response: { status: number; headers: Record<string, string>; body: string }
}

function fixture(name: string): { protocol: 'anthropic' | 'openai'; x: Exchange; d: Diagnosis } {
  const x = JSON.parse(readFileSync(new URL(`../diagnose/fixtures/${name}`, import.meta.url), 'utf8')) as Exchange
  const protocol = x.request.path.includes('/anthropic/') ? 'anthropic' : 'openai'
  const d = diagnose({ protocol, body: x.request.body, status: x.response.status, responseText: x.response.body, responseContentType: x.response.headers['content-type'] })
  return { protocol, x, d }
}

const R02 = 'compat.reasoning-passback-missing'

describe('predicted oracle on the shared fixtures', () => {
  it.each([
    ['anthropic-thinking-dropped.json', ['user', 'assistant', 'user']],
    ['openai-reasoning-dropped.json', ['user', 'assistant', 'tool']]
  ])('%s shrinks to %j with the R02 culprit still there', async (name, roles) => {
    const { protocol, x, d } = fixture(name)
    const target = predictedTarget(d)
    expect(target).toBe(`predicted:${R02}`)
    const result = await minimize({ protocol, body: x.request.body, target: target!, oracle: predictedOracle(protocol, d), culpritIndex: d.culprit!.messageIndex })
    const messages = result.body.messages as Array<Record<string, unknown>>
    expect(messages.map((m) => m.role)).toEqual(roles)
    expect(result.stoppedBecause).toBe('done')
    expectOneMinimal(protocol, result, (b) => diagnose({ protocol, body: b, status: null, responseText: null }).findings.some((f) => f.rule === R02 && f.severity === 'error'))
    expect(problems(protocol, result.body)).toEqual([])
    // The lint of the result names R02 on the assistant message that is left.
    const lint = diagnose({ protocol, body: result.body, status: null, responseText: null })
    const culprit = lint.findings.find((f) => f.rule === R02 && f.severity === 'error')
    expect(culprit?.messageIndex).toBe(roles.indexOf('assistant'))
    // The tool it calls is the only one left; stream and thinking stay as sent.
    expect((result.body.tools as unknown[]).length).toBe(1)
    expect(result.body.stream).toBe(true)
    expect(result.removed[0]).toMatch(/^removed messages /)
    expect(result.bytes).toBeLessThan(result.originalBytes)
  })

  it('a candidate that loses the culprit gets another fingerprint', async () => {
    const { protocol, x, d } = fixture('openai-reasoning-dropped.json')
    const oracle = predictedOracle(protocol, d)
    expect(await oracle(x.request.body)).toEqual({ fingerprint: `predicted:${R02}` })
    const fixed = structuredClone(x.request.body) as { messages: Array<Record<string, unknown>> }
    fixed.messages[4].reasoning_content = 'I should read the test.'
    expect(await oracle(fixed)).toEqual({ fingerprint: 'predicted:ok' })
  })

  it('no culprit, or only an error index no rule explains: no predicted target', () => {
    const base: Diagnosis = { protocol: 'anthropic', status: 400, error: null, findings: [], culprit: null }
    expect(predictedTarget(base)).toBeNull()
    expect(predictedTarget({ ...base, culprit: { messageIndex: 3, blockIndex: null, rule: 'error.location' } })).toBeNull()
  })
})
