// The minimizer on real agents' request shapes (test/scenarios/real-agents): every message is a removal
// candidate — Claude Code's mid-history `role: "system"` message, its `<system-reminder>` block, OpenAI's
// leading system prompt and Qwen Code's preamble turn — as long as the request stays well-formed; the
// original is sent once; and "1-minimal" holds by an independent check.
import { describe, expect, it } from 'vitest'
import { minimize } from '../../../src/main/core/repro/minimize/minimize'
import { loadRun } from '../../scenarios/real-agents/replay-fixture'
import { anthropicR02, messagesOf, openaiR02, syntheticOracle, TARGET } from './helpers'
import { expectOneMinimal } from './one-minimal'

type Body = Record<string, unknown>
type Msg = Record<string, unknown>

/** Claude Code 2.1.197, turn 2: user [system-reminder, prompt], system (mid-history), assistant [text, tool_use], user [tool_result]. */
function claudeCodeTurn(): Body {
  const body = structuredClone(loadRun('claude-code').requests[4].body)
  expect(messagesOf(body).map((m) => m.role)).toEqual(['user', 'system', 'assistant', 'user'])
  return body
}

/** Qwen Code 0.15.10, turn 2: system, user (preamble), assistant (canned), user (prompt), assistant (tool call), tool. */
function qwenTurn(): Body {
  const body = structuredClone(loadRun('qwen-code').requests[1].body)
  expect(messagesOf(body).map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user', 'assistant', 'tool'])
  // The capture's scripted upstream called `bash`, which Qwen Code does not have: call one of its own tools.
  const call = ((messagesOf(body)[4] as Msg).tool_calls as Msg[])[0].function as Msg
  call.name = ((body.tools as Msg[])[0].function as Msg).name
  return body
}

const hasSystemMessage = (b: Body): boolean => messagesOf(b).some((m) => m.role === 'system')

describe('real shapes', () => {
  it('Claude Code, an R02 failure: the mid-history system message and the <system-reminder> block go', async () => {
    const body = claudeCodeTurn()
    const rec = syntheticOracle('anthropic', anthropicR02)
    const result = await minimize({ protocol: 'anthropic', body, target: TARGET, oracle: rec.oracle, budget: 200 })
    expect(rec.invalid).toEqual([])
    const ms = messagesOf(result.body)
    expect(ms.map((m) => m.role)).toEqual(['user', 'assistant', 'user'])
    expect(JSON.stringify(ms[0])).not.toContain('system-reminder')
    expectOneMinimal('anthropic', result, anthropicR02)
  })

  it('Claude Code, MiMo refusing the role:"system" message itself (R26): it stays, everything else goes', async () => {
    const body = claudeCodeTurn()
    const rec = syntheticOracle('anthropic', hasSystemMessage)
    const result = await minimize({ protocol: 'anthropic', body, target: TARGET, oracle: rec.oracle, budget: 200 })
    expect(rec.invalid).toEqual([])
    expect(messagesOf(result.body).map((m) => m.role)).toEqual(['user', 'system'])
    expect(result.body).not.toHaveProperty('system')
    expect(result.body).not.toHaveProperty('tools')
    expectOneMinimal('anthropic', result, hasSystemMessage)
  })

  it('Qwen Code (OpenAI), reasoning_content dropped: the system prompt and the preamble turn go too', async () => {
    const body = qwenTurn()
    delete (messagesOf(body)[4] as Msg).reasoning_content
    const rec = syntheticOracle('openai', openaiR02)
    const result = await minimize({ protocol: 'openai', body, target: TARGET, oracle: rec.oracle, budget: 200 })
    expect(rec.invalid).toEqual([])
    expect(messagesOf(result.body).map((m) => m.role)).toEqual(['user', 'assistant', 'tool'])
    expect(result.removed).toContain('removed the system message')
    expectOneMinimal('openai', result, openaiR02)
  })

  it('sends the original once: without a target, its first answer is the target', async () => {
    const body = claudeCodeTurn()
    const rec = syntheticOracle('anthropic', anthropicR02)
    const original = JSON.stringify(body)
    const result = await minimize({ protocol: 'anthropic', body, oracle: rec.oracle, budget: 200 })
    expect(result.target).toBe(TARGET)
    expect(rec.sent.filter((s) => s === original)).toHaveLength(1)
    expect(rec.sent[0]).toBe(original)
    expect(result.requestsUsed).toBe(rec.sent.length)
    expectOneMinimal('anthropic', result, anthropicR02)
  })

  it('an original that does not fail at all is not minimized (one call)', async () => {
    const rec = syntheticOracle('anthropic', () => false)
    const result = await minimize({ protocol: 'anthropic', body: claudeCodeTurn(), oracle: rec.oracle })
    expect(result).toMatchObject({ stoppedBecause: 'stopped', requestsUsed: 1, oneMinimal: false, target: 'ok' })
  })
})
