// Repair rules on live traffic, both formats: an agent that drops its reasoning on every replay fails at turn 2
// without a rule; with the restore rule on, its 6-turn tool session goes through, every patched request is
// marked and keeps both bodies, and the upstream gets exactly the reasoning it returned.
import { afterEach, describe, expect, it } from 'vitest'
import { anthropicForgetfulAgent, openaiForgetfulAgent, thinkingOf, type TurnResult } from '../scenarios/forgetful-agent'
import { startStack, waitForEnded, type Stack } from './stack'
import { buildBundle } from '../../src/main/core/repro/export/bundle'
import { exchangeFromRecord } from '../../src/main/core/repro/export/from-record'
import type { ExchangeSummary } from '../../src/shared/types'

let stack: Stack | undefined
afterEach(async () => {
  await stack?.close()
  stack = undefined
})

type Json = Record<string, unknown> & { messages: Array<Record<string, unknown>> }
const sentBodies = (s: Stack): Json[] => s.emulator.received.map((r) => JSON.parse(r.body.toString('utf8')) as Json)

/** Exchanges in arrival order once the `count` exchanges of the session are stored. */
async function session(s: Stack, count: number, run: () => Promise<TurnResult[]>): Promise<{ results: TurnResult[]; summaries: ExchangeSummary[] }> {
  const ended = waitForEnded(s.inspector, count, 20_000)
  const results = await run()
  await ended
  return { results, summaries: s.inspector.summaries() }
}

describe('repair rules: Anthropic, restore-thinking', () => {
  it('without a rule, the forgetful agent fails at turn 2', async () => {
    stack = await startStack()
    const { results, summaries } = await session(stack, 2, () => anthropicForgetfulAgent(stack!.proxyUrl, stack!.emulator))
    expect(results.map((r) => r.status)).toEqual([200, 400])
    expect(summaries.some((x) => x.patched)).toBe(false)
    expect(stack.inspector.repair.status()).toMatchObject({ active: 0, patchedThisRun: 0 })
  })

  it('with the rule on, all 6 turns succeed and the upstream gets the recorded thinking and signatures', async () => {
    stack = await startStack()
    await stack.inspector.handlers['repair:add']({ fix: 'restore-thinking', scope: { kind: 'everything' } })
    const { results, summaries } = await session(stack, 6, () => anthropicForgetfulAgent(stack!.proxyUrl, stack!.emulator))
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200])

    // Turn 1 has no history to repair; turns 2-6 are patched and say so.
    expect(summaries.map((x) => x.patched === true)).toEqual([false, true, true, true, true, true])
    for (const x of summaries.slice(1)) expect(x.repair?.applied.map((a) => a.fix)).toEqual(['restore-thinking'])
    expect(stack.inspector.repair.status().patchedThisRun).toBe(5)

    // What the upstream received: every assistant turn carries the thinking and signature its response returned.
    const bodies = sentBodies(stack)
    bodies.forEach((body, k) => {
      const assistants = body.messages.filter((m) => m.role === 'assistant')
      expect(assistants).toHaveLength(k)
      assistants.forEach((m, j) => {
        const thinking = (m.content as Array<Record<string, unknown>>).filter((b) => b.type === 'thinking')
        expect(thinking).toEqual([{ type: 'thinking', thinking: results[j].thinking, signature: results[j].signature }])
        expect(results[j].thinking).toBe(thinkingOf(j + 1))
      })
    })

    // The record keeps both: what was sent (with the thinking) and what the agent sent (without).
    const patched = summaries[5]
    const sent = await stack.inspector.handlers['exchanges:body']({ id: patched.id, part: 'request' })
    const original = await stack.inspector.handlers['exchanges:original-body']({ id: patched.id })
    expect(JSON.parse(sent.text!)).toEqual(bodies[5])
    expect(original?.text).toBeTruthy()
    expect(original!.text).not.toContain('"thinking"')
    expect(sent.text).toContain('"thinking"')
    expect((await stack.inspector.handlers['exchanges:original-body']({ id: summaries[0].id }))).toBeNull()
    // A repro bundle of it carries both: what went upstream, and the agent's own beside it, and says which is which.
    const files = buildBundle({ exchange: exchangeFromRecord(stack.inspector.store, stack.inspector.store.get(patched.id)!), minimalBody: null, removed: [], minimizedBy: null, diagnosis: null, conversation: [], toolVersion: 't' })
    expect(files['request.original.json']).toBe(sent.text)
    expect(files['request.agent.json']).toBe(original!.text)
    expect(files['README.md']).toMatch(/changed on the way by this inspector .* from `request\.agent\.json`/)
    // Conversation grouping follows the agent's history: one conversation for the whole session.
    expect(new Set(summaries.map((x) => x.conversationId)).size).toBe(1)
  })
})

describe('repair rules: OpenAI, restore-reasoning-content', () => {
  it('without a rule, the forgetful agent fails at turn 2', async () => {
    stack = await startStack()
    const { results } = await session(stack, 2, () => openaiForgetfulAgent(stack!.proxyUrl, stack!.emulator))
    expect(results.map((r) => r.status)).toEqual([200, 400])
  })

  it('with the rule on, all 6 turns succeed and the upstream gets the recorded reasoning_content', async () => {
    stack = await startStack()
    await stack.inspector.handlers['repair:add']({ fix: 'restore-reasoning-content', scope: { kind: 'upstream', baseUrl: stack.emulator.url } })
    const { results, summaries } = await session(stack, 6, () => openaiForgetfulAgent(stack!.proxyUrl, stack!.emulator))
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200])
    expect(summaries.map((x) => x.patched === true)).toEqual([false, true, true, true, true, true])
    const bodies = sentBodies(stack)
    bodies.forEach((body, k) => {
      const assistants = body.messages.filter((m) => m.role === 'assistant')
      expect(assistants.map((m) => m.reasoning_content)).toEqual(results.slice(0, k).map((r) => r.thinking))
    })
    expect(results.map((r) => r.thinking)).toEqual([1, 2, 3, 4, 5, 6].map(thinkingOf))
  })

  it('a rule scoped to another upstream or conversation leaves the request alone; one that cannot apply says why', async () => {
    stack = await startStack()
    await stack.inspector.handlers['repair:add']({ fix: 'restore-reasoning-content', scope: { kind: 'upstream', baseUrl: 'http://127.0.0.1:1' } })
    await stack.inspector.handlers['repair:add']({ fix: 'restore-reasoning-content', scope: { kind: 'conversation', conversationId: 'c-elsewhere' } })
    const { results, summaries } = await session(stack, 2, () => openaiForgetfulAgent(stack!.proxyUrl, stack!.emulator))
    expect(results.map((r) => r.status)).toEqual([200, 400])
    expect(summaries.every((x) => !x.patched && !x.repair)).toBe(true)

    // In scope but nothing recorded to restore from: forwarded unchanged, with the reason.
    await stack.inspector.handlers['repair:add']({ fix: 'restore-reasoning-content', scope: { kind: 'everything' } })
    const ended = waitForEnded(stack.inspector, 1)
    const res = await fetch(`${stack.proxyUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-forgetful0123456789abcdefghijk' },
      body: JSON.stringify({ model: 'mimo-v2.5', messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: '', tool_calls: [{ id: 'call_nowhere', type: 'function', function: { name: 'x', arguments: '{}' } }] }, { role: 'tool', tool_call_id: 'call_nowhere', content: 'r' }] })
    })
    expect(res.status).toBe(400)
    const [x] = await ended
    expect(x.patched).toBeFalsy()
    expect(x.repair?.skipped).toEqual([expect.objectContaining({ fix: 'restore-reasoning-content', reason: expect.stringContaining('no recorded response holds the reasoning') })])
  })
})

describe('repair rules: secrets', () => {
  it('a key inside a patched request is redacted in both stored bodies', async () => {
    stack = await startStack()
    await stack.inspector.handlers['repair:add']({ fix: 'null-content-to-empty', scope: { kind: 'everything' } })
    const secret = 'sk-leakedkey0123456789abcdefghijklmn'
    const ended = waitForEnded(stack.inspector, 1)
    const res = await fetch(`${stack.proxyUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-forgetful0123456789abcdefghijk' },
      body: JSON.stringify({ model: 'mimo-v2-flash', messages: [{ role: 'user', content: `my key is ${secret}` }, { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'x', arguments: '{}' } }] }, { role: 'tool', tool_call_id: 'c1', content: 'ok' }] })
    })
    await res.text()
    const [x] = await ended
    expect(x.patched).toBe(true)
    // The upstream got the key (it is the user's request); the disk never does.
    expect(stack.emulator.received[0].body.toString()).toContain(secret)
    const record = stack.inspector.store.get(x.id)!
    const sent = stack.inspector.store.getBody(record.request.body!).toString()
    const original = stack.inspector.store.getBody(record.request.original!).toString()
    expect(sent).toContain('"content":""')
    expect(original).toContain('"content":null')
    for (const text of [sent, original]) expect(text).not.toContain(secret)
  })
})

describe('repair rules: saved in the data folder', () => {
  it('keeps rules and their on/off state across a restart; a rule turned off patches nothing', async () => {
    stack = await startStack()
    const added = await stack.inspector.handlers['repair:add']({ fix: 'restore-thinking', scope: { kind: 'everything' } })
    const id = added.rules[0].id
    await stack.inspector.handlers['repair:add']({ fix: 'fold-system-messages', scope: { kind: 'conversation', conversationId: 'abc' } })
    await stack.inspector.handlers['repair:set']({ id, enabled: false })
    const inspector = await stack.restart()
    const status = await inspector.handlers['repair:status'](null)
    expect(status.rules.map((r) => [r.fix, r.enabled, r.scope.kind])).toEqual([
      ['restore-thinking', false, 'everything'],
      ['fold-system-messages', true, 'conversation']
    ])
    const { results } = await session(stack, 2, () => anthropicForgetfulAgent(stack!.proxyUrl, stack!.emulator))
    expect(results.map((r) => r.status)).toEqual([200, 400])
    await inspector.handlers['repair:delete']({ id })
    expect((await inspector.handlers['repair:status'](null)).rules).toHaveLength(1)
    await expect(inspector.handlers['repair:add']({ fix: 'use-matching-base-url', scope: { kind: 'everything' } })).rejects.toThrow(/not a fix a repair rule can apply/)
  })
})
