// Breakpoints on live traffic through the real proxy: a paused request is listed as paused and goes on edited,
// unedited, answered by the user or dropped; the timeout continues it unedited; a response breakpoint holds a
// stream before its first byte; "break on the next request of this conversation" pauses only that one.
import Anthropic from '@anthropic-ai/sdk'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { PausedExchange } from '../../src/shared/types'
import { anthropicForgetfulAgent, FORGETFUL_KEY } from '../scenarios/forgetful-agent'
import { startStack, waitForEnded, type Stack } from './stack'

let stack: Stack | undefined
afterEach(async () => {
  await stack?.close()
  stack = undefined
})

const body = (model = 'mimo-v2.5-pro', content = 'hi', stream = false): string => JSON.stringify({ model, max_tokens: 50, stream, messages: [{ role: 'user', content }] })

function post(s: Stack, text: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${s.proxyUrl}/anthropic/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': FORGETFUL_KEY }, body: text, signal })
}

async function pausedOne(s: Stack): Promise<PausedExchange> {
  let paused: PausedExchange[] = []
  await expect.poll(async () => (paused = (await s.inspector.handlers['breakpoints:status'](null)).paused).length, { timeout: 10_000 }).toBe(1)
  return paused[0]
}

describe('request breakpoints', () => {
  it('holds a matching request (listed as paused), then sends the edited body; both bodies are kept', async () => {
    stack = await startStack()
    await stack.inspector.handlers['breakpoints:add']({ filter: 'model:mimo-v2.5-pro path:/anthropic', phase: 'request', once: false })
    const ended = waitForEnded(stack.inspector, 1)
    const response = post(stack, body('mimo-v2.5-pro', 'first words'))
    const paused = await pausedOne(stack)
    expect(paused.phase).toBe('request')
    expect(stack.inspector.summaries().find((x) => x.id === paused.exchangeId)?.state).toBe('paused')
    expect(stack.emulator.received).toHaveLength(0)
    // The paused request can be read (the editor opens it).
    const seen = await stack.inspector.handlers['exchanges:body']({ id: paused.exchangeId, part: 'request' })
    expect(seen.text).toContain('first words')
    // Its timeline, and the timeline's edits, work before it is recorded (the replay editor edits it there).
    const view = await stack.inspector.handlers['exchanges:request-view']({ id: paused.exchangeId })
    expect(view?.messages.map((m) => m.role)).toEqual(['user'])
    const toggled = await stack.inspector.handlers['replay:edit']({ id: paused.exchangeId, body: seen.text!, op: { op: 'toggle-thinking' } })
    expect(JSON.parse(toggled.body)).toMatchObject({ thinking: expect.anything() })

    const edited = body('mimo-v2.5-pro', 'edited words')
    await stack.inspector.handlers['breakpoints:resume']({ id: paused.exchangeId, action: 'continue', body: edited, response: null })
    expect((await response).status).toBe(200)
    expect(stack.emulator.received.map((r) => r.body.toString())).toEqual([edited])
    const [x] = await ended
    expect(x).toMatchObject({ patched: true, breakpoint: { phase: 'request', action: 'edited' }, state: 'completed' })
    const original = await stack.inspector.handlers['exchanges:original-body']({ id: x.id })
    expect(original?.text).toContain('first words')
    const sent = await stack.inspector.handlers['exchanges:body']({ id: x.id, part: 'request' })
    expect(sent.text).toBe(edited)
    // A request the filter does not match is not held.
    expect((await post(stack, body('mimo-v2-flash'))).status).toBe(200)
  })

  it('answers with a response of the user own: the upstream never sees the request', async () => {
    stack = await startStack()
    await stack.inspector.handlers['breakpoints:add']({ filter: '', phase: 'request', once: true })
    const ended = waitForEnded(stack.inspector, 1)
    const response = post(stack, body())
    const paused = await pausedOne(stack)
    const own = JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'made up at a breakpoint' } })
    await stack.inspector.handlers['breakpoints:resume']({ id: paused.exchangeId, action: 'answer', body: null, response: { status: 529, headers: [['content-type', 'application/json']], body: own } })
    const res = await response
    expect(res.status).toBe(529)
    expect(await res.text()).toBe(own)
    expect(stack.emulator.received).toHaveLength(0)
    const [x] = await ended
    expect(x).toMatchObject({ status: 529, breakpoint: { action: 'answered' } })
    expect((await stack.inspector.handlers['exchanges:body']({ id: x.id, part: 'response' })).text).toBe(own)
    // once: the breakpoint is gone.
    expect((await stack.inspector.handlers['breakpoints:status'](null)).breakpoints).toHaveLength(0)
  })

  it('drops: the client connection is closed, the exchange recorded as dropped', async () => {
    stack = await startStack()
    await stack.inspector.handlers['breakpoints:add']({ filter: 'method:post', phase: 'request', once: false })
    const ended = waitForEnded(stack.inspector, 1)
    const response = post(stack, body())
    const paused = await pausedOne(stack)
    await stack.inspector.handlers['breakpoints:resume']({ id: paused.exchangeId, action: 'drop', body: null, response: null })
    await expect(response).rejects.toThrow()
    const [x] = await ended
    expect(x).toMatchObject({ state: 'aborted', error: 'dropped at a breakpoint', breakpoint: { action: 'dropped' } })
    expect(stack.emulator.received).toHaveLength(0)
  })

  it('the timeout continues unedited', async () => {
    stack = await startStack({}, { breakTimeoutMs: 400 })
    await stack.inspector.handlers['breakpoints:add']({ filter: '', phase: 'request', once: false })
    const ended = waitForEnded(stack.inspector, 1)
    const sent = body('mimo-v2.5-pro', 'nobody came')
    const res = await post(stack, sent)
    expect(res.status).toBe(200)
    expect(stack.emulator.received.map((r) => r.body.toString())).toEqual([sent])
    const [x] = await ended
    expect(x.breakpoint?.action).toBe('timed-out')
    expect(x.patched).toBeFalsy()
    expect((await stack.inspector.handlers['breakpoints:status'](null)).paused).toHaveLength(0)
  })

  it('a client that goes away while paused: nothing is sent, the exchange is aborted', async () => {
    stack = await startStack()
    await stack.inspector.handlers['breakpoints:add']({ filter: '', phase: 'request', once: false })
    const ended = waitForEnded(stack.inspector, 1)
    const abort = new AbortController()
    const response = post(stack, body(), abort.signal)
    await pausedOne(stack)
    abort.abort()
    await expect(response).rejects.toThrow()
    const [x] = await ended
    expect(x.state).toBe('aborted')
    expect((await stack.inspector.handlers['breakpoints:status'](null)).paused).toHaveLength(0)
    expect(stack.emulator.received).toHaveLength(0)
  })

  it('break on the next request of a conversation pauses that one only', async () => {
    stack = await startStack()
    const client = new Anthropic({ baseURL: `${stack.proxyUrl}/anthropic`, apiKey: FORGETFUL_KEY, maxRetries: 0 })
    const first = waitForEnded(stack.inspector, 1)
    stack.emulator.script({ text: 'A reply long enough to be recognised anywhere in the store, well over forty characters.' })
    const a = await client.messages.create({ model: 'mimo-v2.5-pro', max_tokens: 50, messages: [{ role: 'user', content: 'Start of conversation A' }] })
    const [one] = await first
    await stack.inspector.handlers['breakpoints:break-next']({ conversationId: one.conversationId! })

    // Another conversation passes.
    expect((await post(stack, body('mimo-v2.5-pro', 'Unrelated conversation B'))).status).toBe(200)
    const next = client.messages.create({
      model: 'mimo-v2.5-pro',
      max_tokens: 50,
      messages: [{ role: 'user', content: 'Start of conversation A' }, { role: 'assistant', content: a.content as Anthropic.Messages.ContentBlockParam[] }, { role: 'user', content: 'and then?' }]
    })
    const paused = await pausedOne(stack)
    await stack.inspector.handlers['breakpoints:resume']({ id: paused.exchangeId, action: 'continue', body: null, response: null })
    await next
    expect((await stack.inspector.handlers['breakpoints:status'](null)).breakpoints).toHaveLength(0)
  })
})

describe('one-click fixes on a paused request', () => {
  it('the forgetful agent paused at turn 2: restore-thinking is offered, applied from the recording, and the request succeeds', async () => {
    stack = await startStack()
    const first = waitForEnded(stack.inspector, 1)
    const agent = anthropicForgetfulAgent(stack.proxyUrl, stack.emulator, 2, async (turn) => {
      if (turn === 2) await stack!.inspector.handlers['breakpoints:break-next']({ conversationId: (await first)[0].conversationId! })
    })
    const paused = await pausedOne(stack)
    const text = (await stack.inspector.handlers['exchanges:body']({ id: paused.exchangeId, part: 'request' })).text!
    // Diagnosed before it goes out: the dropped thinking is an error, judged against the recorded response.
    const diagnosis = await stack.inspector.handlers['exchanges:diagnose']({ id: paused.exchangeId })
    const dropped = diagnosis?.findings.find((f) => f.severity === 'error' && f.fixIds.includes('restore-thinking'))
    expect(dropped?.messageIndex).toBe(1)
    expect(dropped?.evidence).not.toBeNull()
    const { fixIds } = await stack.inspector.handlers['breakpoints:fixes']({ id: paused.exchangeId, body: text })
    expect(fixIds[0]).toBe('restore-thinking')
    const fixed = await stack.inspector.handlers['breakpoints:apply-fix']({ id: paused.exchangeId, fixId: 'restore-thinking', body: text })
    expect(fixed.changes[0]).toContain('thinking block restored')
    await stack.inspector.handlers['breakpoints:resume']({ id: paused.exchangeId, action: 'continue', body: fixed.body, response: null })
    const results = await agent
    expect(results.map((r) => r.status)).toEqual([200, 200])
    const sent = JSON.parse(stack.emulator.received[1].body.toString()) as { messages: Array<{ content: Array<{ type: string; thinking?: string; signature?: string }> }> }
    expect(sent.messages[1].content[0]).toEqual({ type: 'thinking', thinking: results[0].thinking, signature: results[0].signature })
  })
})

describe('response breakpoints', () => {
  it('hold a stream before its first byte reaches the client, then pass it through unbuffered', async () => {
    stack = await startStack()
    stack.emulator.setChunkDelay(20)
    await stack.inspector.handlers['breakpoints:add']({ filter: 'stream:yes', phase: 'response', once: false })
    const ended = waitForEnded(stack.inspector, 1)
    let headersAt = 0
    const response = post(stack, body('mimo-v2.5-pro', 'hi', true)).then((r) => {
      headersAt = Date.now()
      return r
    })
    const paused = await pausedOne(stack)
    expect(paused).toMatchObject({ phase: 'response', status: 200 })
    await new Promise((r) => setTimeout(r, 300))
    // Nothing has reached the client: not even the head.
    expect(headersAt).toBe(0)
    const resumedAt = Date.now()
    await stack.inspector.handlers['breakpoints:resume']({ id: paused.exchangeId, action: 'continue', body: null, response: null })
    const res = await response
    expect(headersAt).toBeGreaterThanOrEqual(resumedAt)
    const text = await res.text()
    expect(text).toContain('event: message_stop')
    const [x] = await ended
    expect(x).toMatchObject({ status: 200, stream: true, breakpoint: { phase: 'response', action: 'continued' } })
    // The recorded response is exactly what the client read.
    expect((await stack.inspector.handlers['exchanges:body']({ id: x.id, part: 'response' })).text).toBe(text)
  })

  it('a held response can be replaced by the user own', async () => {
    stack = await startStack()
    await stack.inspector.handlers['breakpoints:add']({ filter: 'status:200', phase: 'response', once: false })
    const response = post(stack, body())
    const paused = await pausedOne(stack)
    await expect(stack.inspector.handlers['breakpoints:resume']({ id: paused.exchangeId, action: 'continue', body: '{}', response: null })).rejects.toThrow(/cannot be edited/)
    await stack.inspector.handlers['breakpoints:resume']({ id: paused.exchangeId, action: 'answer', body: null, response: { status: 200, headers: [['content-type', 'application/json']], body: '{"mine":true}' } })
    expect(await (await response).text()).toBe('{"mine":true}')
  })
})

describe('saved breakpoints', () => {
  it('keep the ones added in the app across a restart; "next request" and --break ones are for the run', async () => {
    stack = await startStack({}, { breakOn: ['model:from-the-cli'] })
    const kept = await stack.inspector.handlers['breakpoints:add']({ filter: 'path:/anthropic model:mimo-v2.5-pro', phase: 'response', once: false })
    await stack.inspector.handlers['breakpoints:add']({ filter: 'model:just-once', phase: 'request', once: true })
    const removed = await stack.inspector.handlers['breakpoints:add']({ filter: 'model:removed', phase: 'request', once: false })
    const id = removed.breakpoints.find((b) => b.filter === 'model:removed')!.id
    await stack.inspector.handlers['breakpoints:remove']({ id })
    const before = kept.breakpoints.find((b) => b.filter.startsWith('path:'))!

    const again = await stack.restart()
    const after = again.breakpoints.status().breakpoints
    // The CLI one comes back only because this restart passes --break again.
    expect(after.map((b) => [b.filter, b.phase, b.source])).toEqual([
      ['path:/anthropic model:mimo-v2.5-pro', 'response', 'api'],
      ['model:from-the-cli', 'request', 'cli']
    ])
    expect(after[0].id).toBe(before.id)
    expect(again.warnings).toEqual([])
  })

  it('an unreadable file is moved aside and said; nothing pauses', async () => {
    stack = await startStack()
    writeFileSync(join(stack.dataDir, 'breakpoints.json'), '{"version":1,"breakpoints":[{"id":')
    const again = await stack.restart()
    expect(again.breakpoints.status().breakpoints).toEqual([])
    expect(again.warnings.join('\n')).toMatch(/breakpoints\.json could not be read .*moved it to .*breakpoints\.json\.corrupt-/)
    expect(readdirSync(stack.dataDir).some((f) => f.startsWith('breakpoints.json.corrupt-'))).toBe(true)
  })
})
