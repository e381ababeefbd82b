// Issue 3 through the real pipeline: SDK clients → proxy → emulator, the persist worker groups, the API
// diagnoses, diffs and imports.
import { spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { anthropicCraftSession, openaiDroppedReasoningSession, titleRequest } from '../scenarios/agent-sessions'
import { startStack, type Stack } from './stack'

let stack: Stack
afterEach(async () => stack?.close())

const REASONING_400 = 'The reasoning_content in the thinking mode must be passed back to the API.'

describe('conversations and the culprit', () => {
  it('groups an Anthropic session with a side request apart, and points at the message that broke it', async () => {
    stack = await startStack()
    const ended = stack.ended(4)
    await titleRequest(stack.proxyUrl, stack.emulator)
    expect((await anthropicCraftSession(stack.proxyUrl, stack.emulator)).status).toBe(400)
    await ended

    const { items } = await stack.inspector.handlers['conversations:list']({ offset: 0, limit: 100 })
    expect(items).toHaveLength(2)
    const session = items.find((c) => c.requests === 3)!
    const title = items.find((c) => c.requests === 1)!
    expect(session).toMatchObject({ endedInError: true, errors: 1, lastStatus: 400, protocol: 'anthropic', title: 'What is in the src folder and what does main.ts do?' })
    expect(title.endedInError).toBe(false)

    const detail = (await stack.inspector.handlers['conversations:get']({ id: session.id }))!
    const failing = detail.exchanges[2]
    expect(detail.focusId).toBe(failing.id)
    const diagnosis = (await stack.inspector.handlers['exchanges:diagnose']({ id: failing.id }))!
    expect(diagnosis.error?.message).toBe(REASONING_400)
    expect(diagnosis.culprit).toMatchObject({ messageIndex: 1, rule: 'compat.reasoning-passback-missing' })

    const view = (await stack.inspector.handlers['exchanges:request-view']({ id: failing.id }))!
    expect(view.messages[1].blocks.map((b) => b.type)).toEqual(['text', 'text', 'tool_use'])

    const diff = (await stack.inspector.handlers['exchanges:turn-diff']({ id: failing.id }))!
    expect(diff.baseId).toBe(detail.exchanges[1].id)
    expect(diff.changes.some((c) => c.messageIndex === 1 && /thinking/.test(c.description))).toBe(true)

    // The successful turn before it lints clean of errors.
    const lint = (await stack.inspector.handlers['exchanges:diagnose']({ id: detail.exchanges[1].id }))!
    expect(lint.error).toBeNull()
    expect(lint.culprit).toBeNull()
    expect(lint.findings.filter((f) => f.severity === 'error')).toEqual([])
  })

  it('does the same in OpenAI format with reasoning_content dropped', async () => {
    stack = await startStack()
    const ended = stack.ended(3)
    expect((await openaiDroppedReasoningSession(stack.proxyUrl, stack.emulator)).status).toBe(400)
    await ended
    const { items } = await stack.inspector.handlers['conversations:list']({ offset: 0, limit: 100 })
    expect(items).toHaveLength(1)
    const detail = (await stack.inspector.handlers['conversations:get']({ id: items[0].id }))!
    const diagnosis = (await stack.inspector.handlers['exchanges:diagnose']({ id: detail.focusId }))!
    expect(diagnosis.culprit).toMatchObject({ messageIndex: 2, rule: 'compat.reasoning-passback-missing' })
    const diff = (await stack.inspector.handlers['exchanges:turn-diff']({ id: detail.focusId }))!
    expect(diff.changes.some((c) => c.messageIndex === 2 && /reasoning/.test(c.description))).toBe(true)
  })

  it('keeps conversations across a restart: a new turn joins the same one', async () => {
    stack = await startStack()
    const ended = stack.ended(3)
    await anthropicCraftSession(stack.proxyUrl, stack.emulator)
    await ended
    const before = (await stack.inspector.handlers['conversations:list']({ offset: 0, limit: 10 })).items
    const inspector = await stack.restart()
    const after = (await inspector.handlers['conversations:list']({ offset: 0, limit: 10 })).items
    expect(after.map((c) => [c.id, c.requests])).toEqual(before.map((c) => [c.id, c.requests]))
    // Replay turn 2's request again (a retry): it joins the existing conversation, not a new one.
    const second = (await inspector.handlers['conversations:get']({ id: before[0].id }))!.exchanges[1]
    const body = await inspector.handlers['exchanges:body']({ id: second.id, part: 'request' })
    const ended2 = stack.ended(1)
    stack.emulator.script({ text: 'again' })
    await fetch(`${stack.proxyUrl}/anthropic/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'sk-scenario0123456789abcdefghijkl' }, body: body.text! })
    const [retry] = await ended2
    expect(retry.conversationId).toBe(before[0].id)
  })
})

describe('import', () => {
  it('imports an exchange file and a bare request body, and diagnoses them like captured traffic', async () => {
    stack = await startStack()
    const exchangeFile = JSON.stringify({
      request: {
        method: 'POST',
        path: '/v1/chat/completions',
        headers: { authorization: 'Bearer sk-importedKey0123456789abcdef' },
        body: {
          model: 'mimo-v2.5',
          messages: [
            { role: 'user', content: 'ls' },
            { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'ls', arguments: '{}' } }] },
            { role: 'tool', tool_call_id: 'c1', content: 'a.txt' }
          ]
        }
      },
      response: { status: 400, headers: { 'content-type': 'application/json' }, body: { error: { code: '400', message: 'Param Incorrect', param: REASONING_400, type: '' } } }
    })
    const result = await stack.inspector.handlers['import:file']({ name: 'failing.json', text: exchangeFile })
    expect(result.imported).toHaveLength(1)
    const [imported] = result.imported
    expect(imported).toMatchObject({ mode: 'import', status: 400, protocol: 'openai', model: 'mimo-v2.5' })
    const diagnosis = (await stack.inspector.handlers['exchanges:diagnose']({ id: imported.id }))!
    expect(diagnosis.culprit).toMatchObject({ messageIndex: 1, rule: 'compat.reasoning-passback-missing' })
    const detail = (await stack.inspector.handlers['exchanges:get']({ id: imported.id }))!
    expect(JSON.stringify(detail)).not.toContain('importedKey0123456789')

    const bare = await stack.inspector.handlers['import:file']({ name: 'body.json', text: JSON.stringify({ model: 'mimo-v2.5-pro', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }) })
    expect(bare.imported[0]).toMatchObject({ protocol: 'anthropic', status: null })
    await expect(stack.inspector.handlers['import:file']({ name: 'x.json', text: '{"nope": 1}' })).rejects.toThrow(/not a HAR/)
    // No request was sent anywhere by importing.
    expect(stack.emulator.received).toHaveLength(0)
  })

  it('a file written by `show` keeps its key fingerprint and is recognised as the recorded exchange, not a new failure', async () => {
    stack = await startStack()
    const ended = stack.ended(3)
    expect((await anthropicCraftSession(stack.proxyUrl, stack.emulator)).status).toBe(400)
    const failing = (await ended)[2]
    const before = (await stack.inspector.handlers['conversations:get']({ id: failing.conversationId! }))!.summary
    expect(before).toMatchObject({ errors: 1, requests: 3 })
    const shown = run('show', failing.id, '--data-dir', stack.dataDir)
    const file = JSON.parse(shown) as { request: { headers: Record<string, string>; body: { messages: Array<{ content: unknown }> } } }
    const keyHeader = 'authorization'
    const fingerprint = file.request.headers[keyHeader]
    expect(fingerprint).toMatch(/^Bearer sk-…[0-9a-f]{4}$/)

    const { imported } = await stack.inspector.handlers['import:file']({ name: 'shown.json', text: shown })
    expect(imported[0]).toMatchObject({ mode: 'import', status: 400, duplicateOf: failing.id, conversationId: failing.conversationId })
    const detail = (await stack.inspector.handlers['exchanges:get']({ id: imported[0].id }))!
    expect(detail.request.headers.find(([n]) => n === keyHeader)?.[1]).toBe(fingerprint)
    const after = (await stack.inspector.handlers['conversations:get']({ id: failing.conversationId! }))!
    expect(after.summary).toMatchObject({ errors: 1, requests: 4, endedInError: true })
    expect(after.focusId).toBe(failing.id)

    // An edited copy is a new request (the user changed what it sends), not the recorded one.
    file.request.body.messages[0].content = 'Something else entirely.'
    const edited = await stack.inspector.handlers['import:file']({ name: 'edited.json', text: JSON.stringify(file) })
    expect(edited.imported[0].duplicateOf ?? null).toBeNull()
    expect(edited.imported[0].conversationId).not.toBe(failing.conversationId)
  })
})

function run(...args: string[]): string {
  const out = spawnSync(process.execPath, ['bin/mimo-inspector.js', ...args], { encoding: 'utf8' })
  expect(out.status, out.stderr).toBe(0)
  return out.stdout
}
