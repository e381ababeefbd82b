// Fixes are offered only when they apply to the request that offers them: each is tried on a copy, the
// request itself is left as it was, and a fix with nothing to work from (restore-thinking with no recorded
// response) is taken off the findings.
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src/main/core/diagnose/diagnose'
import { NO_EVIDENCE } from '../../../src/main/core/evidence/match'
import { listEvidence } from '../../../src/main/core/evidence/list-evidence'
import { keepApplicableFixes } from '../../../src/main/core/replay/fixes'
import { copyJson } from '../../../src/main/core/replay/fixes/applicable'
import { anthropicBody, anthropicReply, assistant, toolResult, toolUse, user } from './helpers'

describe('keepApplicableFixes', () => {
  // R05: a signed thinking block without its `thinking` text; its only fix is restore-thinking.
  const body = anthropicBody([user('go'), assistant([{ type: 'thinking', signature: 'sig' }, toolUse('toolu_1')]), user([toolResult('toolu_1')])], { thinking: { type: 'enabled' } })
  const r05 = 'anthropic.thinking-text-missing'

  it('takes restore-thinking off when no recorded response holds the thinking, and leaves the request untouched', () => {
    const before = JSON.stringify(body)
    const d = diagnose({ protocol: 'anthropic', body, status: null, responseText: null })
    expect(d.findings.find((f) => f.rule === r05)!.fixIds).toEqual(['restore-thinking'])
    keepApplicableFixes(d, 'anthropic', body, NO_EVIDENCE)
    expect(d.findings.find((f) => f.rule === r05)!.fixIds).toEqual([])
    expect(JSON.stringify(body)).toBe(before)
  })

  it('keeps it when the recorded response has the thinking', () => {
    const replies = [anthropicReply({ thinking: 'Plan.', signature: 'sig', tools: [{ id: 'toolu_1', name: 'read_file', input: { path: 'a.ts' } }] })]
    const evidence = listEvidence(body, replies)
    const d = diagnose({ protocol: 'anthropic', body, status: null, responseText: null, evidence })
    keepApplicableFixes(d, 'anthropic', body, evidence)
    expect(d.findings.find((f) => f.rule === r05)!.fixIds).toEqual(['restore-thinking'])
  })

  it('copies JSON deeply, "__proto__" keys included', () => {
    const parsed = JSON.parse('{"a":[{"b":"x"}],"__proto__":{"c":1}}') as Record<string, unknown>
    const copy = copyJson(parsed) as Record<string, unknown>
    expect(JSON.stringify(copy)).toBe(JSON.stringify(parsed))
    ;((copy.a as Array<Record<string, unknown>>)[0]).b = 'changed'
    expect(((parsed.a as Array<Record<string, unknown>>)[0]).b).toBe('x')
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
  })
})
