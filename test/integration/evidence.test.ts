// Diagnosis from evidence, end to end on real sockets: real agents' request shapes (Claude Code, OpenCode)
// through the real proxy into the store, and out of `diagnose ID` and the app's API. The explanation names
// the recorded response that produced the broken turn, the fix that restores it comes first and applies, and
// the replay it makes gets 200. Also: the turn diff against the recorded response.
import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import type { ExchangeSummary, ReplayStatus } from '../../src/shared/types'
import { CLAUDE_PROSE, CLAUDE_THOUGHT, OPENCODE_REASONING, claudeCodeDroppedThinking, openCodeRerunDroppedReasoning } from '../scenarios/real-agent-shapes'
import { startStack, type Stack } from './stack'

const BIN = 'bin/mimo-inspector.js'
const R02 = 'compat.reasoning-passback-missing'

let stack: Stack | null = null
afterEach(async () => {
  await stack?.close()
  stack = null
})

function diagnoseId(id: string, dataDir: string, json = true): { status: number | null; stdout: string; stderr: string } {
  const out = spawnSync(process.execPath, [BIN, 'diagnose', id, '--data-dir', dataDir, ...(json ? ['--json'] : [])], { encoding: 'utf8' })
  return { status: out.status, stdout: out.stdout, stderr: out.stderr }
}

interface JsonFinding {
  rule: string
  messageIndex: number | null
  message: string
  fixes: string[]
  evidence: { exchangeId: string; messageIndex: number; blockIndex: number | null; change: string | null; matchedBy: string } | null
}

/** Sends the fix's body as a replay and waits for its end. */
async function replayWith(s: Stack, id: string, body: string): Promise<ReplayStatus> {
  const done: ReplayStatus[] = []
  const off = s.inspector.events.on('replay:status', (st) => {
    if (['done', 'failed', 'cancelled'].includes(st.state)) done.push(st)
  })
  const { replayId } = await s.inspector.handlers['replay:send']({ id, body, headers: null, target: null, key: null })
  await expect.poll(() => done.find((d) => d.replayId === replayId), { timeout: 15_000 }).toBeTruthy()
  off()
  return done.find((d) => d.replayId === replayId)!
}

const bySeq = (list: ExchangeSummary[]): ExchangeSummary[] => [...list].sort((a, b) => a.seq - b.seq)

describe('Claude Code shape: thinking dropped, prose before parallel tool calls, adaptive thinking, a system message mid-history', () => {
  it('diagnose ID names the response that returned the thinking, offers restore-thinking first, and it gets 200', async () => {
    stack = await startStack()
    const ended = stack.ended(2)
    const run = await claudeCodeDroppedThinking(stack.proxyUrl, stack.emulator)
    expect(run.statuses).toEqual([200, 400])
    const [ok, failing] = bySeq(await ended)
    expect(failing.conversationId).toBe(ok.conversationId)

    const out = diagnoseId(failing.id.slice(0, 8), stack.dataDir)
    expect(out.stderr).toBe('')
    expect(out.status).toBe(0)
    const result = JSON.parse(out.stdout) as { culprit: unknown; findings: JsonFinding[] }
    // thinking: adaptive counts as on, so MiMo's 400 has a culprit: the tool-call turn after the system message.
    expect(result.culprit).toEqual({ messageIndex: 2, blockIndex: null, rule: R02 })
    const culprit = result.findings.find((f) => f.rule === R02 && f.messageIndex === 2)!
    expect(culprit.evidence).toEqual({ exchangeId: ok.id, messageIndex: 2, blockIndex: 0, change: 'thinking-dropped', matchedBy: 'tool-ids' })
    expect(culprit.message).toBe(
      `Request #2 sends assistant message 2 without the ${CLAUDE_THOUGHT.length}-character thinking block that response #1 returned, and with thinking on MiMo wants the thinking of every tool-call turn passed back.`
    )
    // The prose before the tool calls is prose, not converted thinking (the wording heuristic would say so).
    expect(CLAUDE_PROSE).toMatch(/^I will/)
    expect(culprit.message).not.toMatch(/replayed as text|reads like reasoning|judged from its shape/)
    expect(culprit.fixes[0]).toBe('restore-thinking')
    expect(culprit.fixes).not.toContain('text-to-thinking')
    // The system message at messages[1] is reported too (MiMo rejects it), without taking the culprit's place.
    expect(result.findings.map((f) => f.rule)).toContain('mimo.system-role-in-messages')

    const readable = diagnoseId(failing.id, stack.dataDir, false)
    expect(readable.stdout).toContain(`evidence: response #1, exchange ${ok.id} (matched by tool ids)`)
    expect(readable.stdout).toContain('fixes:   restore-thinking, disable-thinking')

    // The app's API: the same diagnosis, the turn diff against the response, and the fix that works.
    const d = (await stack.inspector.handlers['exchanges:diagnose']({ id: failing.id }))!
    expect(d.findings[0]).toMatchObject({ rule: R02, messageIndex: 2, fixIds: ['restore-thinking', 'disable-thinking'], evidence: { exchangeId: ok.id, n: 1, sameConversation: true } })
    const diff = (await stack.inspector.handlers['exchanges:turn-diff']({ id: failing.id }))!
    expect(diff.changes).toContainEqual(
      expect.objectContaining({ messageIndex: 2, description: `assistant message 2 vs response #1: thinking block 0 dropped (${CLAUDE_THOUGHT.length} characters)`, evidence: expect.objectContaining({ exchangeId: ok.id }) })
    )
    const original = (await stack.inspector.handlers['exchanges:body']({ id: failing.id, part: 'request' })).text!
    const fixed = await stack.inspector.handlers['replay:apply-fix']({ id: failing.id, fixId: 'restore-thinking', body: original })
    const sent = JSON.parse(fixed.body) as { messages: Array<{ content: unknown[] }> }
    expect(sent.messages[2].content[0]).toEqual({ type: 'thinking', thinking: CLAUDE_THOUGHT, signature: '' })
    expect(sent.messages[2].content.slice(1)).toEqual(JSON.parse(original).messages[2].content)
    stack.emulator.script({ text: 'It printed hello.' })
    expect(await replayWith(stack, failing.id, fixed.body)).toMatchObject({ state: 'done' })
    await expect.poll(() => stack!.inspector.store.records.at(-1)?.summary.status).toBe(200)
  })
})

describe('OpenCode shape: a re-run under a new session replays a recorded tool call without its reasoning_content', () => {
  it('the evidence is found in the other conversation by tool call id and content; restore-reasoning-content comes first and gets 200', async () => {
    stack = await startStack()
    const ended = stack.ended(2)
    const run = await openCodeRerunDroppedReasoning(stack.proxyUrl, stack.emulator)
    expect(run.statuses).toEqual([200, 400])
    const [ok, failing] = bySeq(await ended)
    // Two sessions, two conversations: the response that made the call is not in the failing one's.
    expect(failing.conversationId).not.toBe(ok.conversationId)

    const result = JSON.parse(diagnoseId(failing.id, stack.dataDir).stdout) as { culprit: unknown; findings: JsonFinding[] }
    expect(result.culprit).toEqual({ messageIndex: 2, blockIndex: null, rule: R02 })
    const culprit = result.findings.find((f) => f.rule === R02)!
    expect(culprit.evidence).toEqual({ exchangeId: ok.id, messageIndex: 2, blockIndex: null, change: 'reasoning-dropped', matchedBy: 'tool-ids' })
    expect(culprit.message).toContain(`without the ${OPENCODE_REASONING.length}-character reasoning_content that the response of exchange ${ok.id.slice(0, 8)} (another conversation) returned`)
    expect(culprit.fixes).toEqual(['restore-reasoning-content', 'disable-thinking'])

    const original = (await stack.inspector.handlers['exchanges:body']({ id: failing.id, part: 'request' })).text!
    const fixed = await stack.inspector.handlers['replay:apply-fix']({ id: failing.id, fixId: 'restore-reasoning-content', body: original })
    expect(JSON.parse(fixed.body).messages[2]).toMatchObject({ role: 'assistant', reasoning_content: OPENCODE_REASONING, tool_calls: [{ id: run.callId }] })
    stack.emulator.script({ text: 'It printed hello.' })
    expect(await replayWith(stack, failing.id, fixed.body)).toMatchObject({ state: 'done' })
    await expect.poll(() => stack!.inspector.store.records.at(-1)?.summary.status).toBe(200)
  })
})
