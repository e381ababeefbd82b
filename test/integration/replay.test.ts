// Edit and replay on real sockets: exact bytes upstream, edits sent as shown, 429 backoff, cancel, no
// accidental double send, keys kept in memory only, and the diagnosis fix that turns the 400 into a 200.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { ReplayStatus } from '../../src/shared/types'
import { anthropicCraftSession, openaiDroppedReasoningSession } from '../scenarios/agent-sessions'
import { startStack, waitForEnded, PAYG_KEY, type Stack } from './stack'
import { everyStoredByte } from './data-folder'

let stack: Stack
afterEach(async () => stack?.close())

async function recordOne(body: object, path = '/v1/chat/completions'): Promise<string> {
  const ended = stack.ended(1)
  await (await fetch(`${stack.proxyUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${PAYG_KEY}`, 'x-client': 'test' }, body: JSON.stringify(body) })).text()
  return (await ended)[0].id
}

function statuses(): { list: ReplayStatus[]; done: (replayId: string) => Promise<ReplayStatus> } {
  const list: ReplayStatus[] = []
  stack.inspector.events.on('replay:status', (s) => list.push(s))
  return {
    list,
    done: async (replayId) => {
      await expect.poll(() => list.find((s) => s.replayId === replayId && ['done', 'failed', 'cancelled'].includes(s.state)), { timeout: 10_000 }).toBeTruthy()
      return list.find((s) => s.replayId === replayId && ['done', 'failed', 'cancelled'].includes(s.state))!
    }
  }
}

const chat = { model: 'mimo-v2.5', messages: [{ role: 'user', content: 'hello there' }] }

describe('replay', () => {
  it('an unedited replay sends upstream exactly the original bytes and headers (but Host)', async () => {
    stack = await startStack()
    const id = await recordOne(chat)
    const original = stack.emulator.received[0]
    const s = statuses()
    const ended = waitForEnded(stack.inspector, 1)
    const { replayId } = await stack.inspector.handlers['replay:send']({ id, body: null, headers: null, target: null, key: null })
    expect((await s.done(replayId)).state).toBe('done')
    const [replayed] = await ended
    expect(replayed).toMatchObject({ mode: 'replay', status: 200 })
    const again = stack.emulator.received[1]
    expect(again.body.equals(original.body)).toBe(true)
    const strip = (h: string[]) => h.filter((_, i) => i % 2 === 0).map((n, i) => `${n.toLowerCase()}: ${h[i * 2 + 1]}`).filter((l) => !/^(host|connection|content-length):/.test(l))
    expect(strip(again.headers)).toEqual(strip(original.headers))
    expect(stack.inspector.store.get(replayed.id)?.replayOf).toBe(id)
  })

  it('an edited replay sends what the editor shows, with a recomputed content-length', async () => {
    stack = await startStack()
    const id = await recordOne(chat)
    const edited = JSON.stringify({ ...chat, messages: [{ role: 'user', content: 'edited — ünïcode' }] }, null, 2)
    const s = statuses()
    const { replayId } = await stack.inspector.handlers['replay:send']({ id, body: edited, headers: null, target: null, key: null })
    await s.done(replayId)
    const sent = stack.emulator.received[1]
    expect(sent.body.toString('utf8')).toBe(edited)
    const length = sent.headers[sent.headers.findIndex((h) => h.toLowerCase() === 'content-length') + 1]
    expect(Number(length)).toBe(Buffer.byteLength(edited))
  })

  it('waits out a 429 (Retry-After) and tries again; each attempt is recorded', async () => {
    stack = await startStack()
    const id = await recordOne(chat)
    stack.emulator.fail({ status: 429, retryAfter: 0 })
    const s = statuses()
    const { replayId } = await stack.inspector.handlers['replay:send']({ id, body: null, headers: null, target: null, key: null })
    const final = await s.done(replayId)
    expect(final).toMatchObject({ state: 'done', attempt: 2, message: 'HTTP 200' })
    expect(s.list.some((x) => x.state === 'waiting-retry')).toBe(true)
    await expect.poll(() => stack.inspector.store.records.filter((r) => r.summary.mode === 'replay').map((r) => r.summary.status).sort()).toEqual([200, 429])
  })

  it('can be cancelled, and is never sent twice at once by accident', async () => {
    stack = await startStack()
    const id = await recordOne(chat)
    stack.emulator.fail({ hang: true })
    const s = statuses()
    const { replayId } = await stack.inspector.handlers['replay:send']({ id, body: null, headers: null, target: null, key: null })
    await expect(stack.inspector.handlers['replay:send']({ id, body: null, headers: null, target: null, key: null })).rejects.toThrow(/already running/)
    await expect.poll(() => stack.emulator.received.length).toBe(2)
    expect((await stack.inspector.handlers['replay:cancel']({ replayId })).cancelled).toBe(true)
    expect((await s.done(replayId)).state).toBe('cancelled')
    await expect.poll(() => stack.inspector.store.records.find((r) => r.summary.mode === 'replay')?.summary.state).toBe('aborted')
  })

  it('after a restart asks for the key, and a typed key never reaches the data folder', async () => {
    stack = await startStack()
    const id = await recordOne(chat)
    const inspector = await stack.restart()
    await expect(inspector.handlers['replay:send']({ id, body: null, headers: null, target: null, key: null })).rejects.toThrow(/type it in once/)
    const typed = 'sk-TypedInTheUI00112233445566778899'
    const status = await inspector.handlers['keys:set']({ key: typed, remember: true })
    expect(status.canPersist).toBe(false)
    const ended = waitForEnded(inspector, 1)
    await inspector.handlers['replay:send']({ id, body: null, headers: null, target: null, key: null })
    expect((await ended)[0].status).toBe(200)
    const sentAuth = stack.emulator.received[1].headers.join(' ')
    expect(sentAuth).toContain(typed)
    await inspector.close()
    expect(everyStoredByte(stack.dataDir).filter(([, bytes]) => bytes.includes('TypedInTheUI0011')).map(([where]) => where)).toEqual([])
    await stack.restart()
  })
})

describe('fix and replay', () => {
  it('restore-thinking turns MiMo’s 400 into a 200, recorded in the same conversation linked to the original', async () => {
    stack = await startStack()
    const ended = stack.ended(3)
    expect((await anthropicCraftSession(stack.proxyUrl, stack.emulator)).status).toBe(400)
    const failing = (await ended)[2]
    const original = await stack.inspector.handlers['exchanges:body']({ id: failing.id, part: 'request' })
    const fixed = await stack.inspector.handlers['replay:apply-fix']({ id: failing.id, fixId: 'restore-thinking', body: original.text! })
    expect(fixed.changes.length).toBeGreaterThan(0)
    const s = statuses()
    const replayEnded = waitForEnded(stack.inspector, 1)
    stack.emulator.script({ text: 'main.ts prints hi.' })
    const { replayId } = await stack.inspector.handlers['replay:send']({ id: failing.id, body: fixed.body, headers: null, target: null, key: null })
    await s.done(replayId)
    const [replayed] = await replayEnded
    expect(replayed.status).toBe(200)
    const record = stack.inspector.store.get(replayed.id)!
    expect(record.replayOf).toBe(failing.id)
    // The grouping ignores thinking, so the fixed history is the same conversation; replayOf makes it a branch.
    expect(replayed.conversationId).toBe(failing.conversationId)
  })

  it('a replay is a branch: the row keeps the agent’s status (ended in error, 400) and shows the branch’s own', async () => {
    stack = await startStack()
    const ended = stack.ended(3)
    expect((await anthropicCraftSession(stack.proxyUrl, stack.emulator)).status).toBe(400)
    const failing = (await ended)[2]
    const conversation = async () => (await stack.inspector.handlers['conversations:get']({ id: failing.conversationId! }))!
    const original = (await stack.inspector.handlers['exchanges:body']({ id: failing.id, part: 'request' })).text!
    const fixed = await stack.inspector.handlers['replay:apply-fix']({ id: failing.id, fixId: 'restore-thinking', body: original })
    // An edit to the first message would fork the lineage; a replay still joins its original's conversation.
    const body = JSON.parse(fixed.body) as { messages: Array<{ content: unknown }> }
    body.messages[0].content = 'An edited first prompt.'
    const upserts: Array<{ id: string; endedInError: boolean }> = []
    stack.inspector.events.on('conversation:upserted', (c) => upserts.push(c))
    let done = waitForEnded(stack.inspector, 1)
    stack.emulator.script({ text: 'main.ts prints hi.' })
    await stack.inspector.handlers['replay:send']({ id: failing.id, body: JSON.stringify(body), headers: null, target: null, key: null })
    const [ok] = await done
    expect(ok.status).toBe(200)
    expect(ok.conversationId).toBe(failing.conversationId)
    const after = await conversation()
    expect(after.summary).toMatchObject({ endedInError: true, lastStatus: 400, errors: 1, requests: 4, replays: 1, lastReplayStatus: 200, lastReplayFailed: false })
    expect(after.focusId).toBe(failing.id)
    expect(upserts.at(-1)).toMatchObject({ id: failing.conversationId, endedInError: true })
    const { items } = await stack.inspector.handlers['conversations:list']({ offset: 0, limit: 10 })
    expect(items).toHaveLength(1)

    // A failing replay (the original bytes again) changes the branch's status, not the conversation's count.
    done = waitForEnded(stack.inspector, 1)
    await stack.inspector.handlers['replay:send']({ id: failing.id, body: null, headers: null, target: null, key: null })
    expect((await done)[0].status).toBe(400)
    expect((await conversation()).summary).toMatchObject({ endedInError: true, lastStatus: 400, errors: 1, replays: 2, lastReplayStatus: 400, lastReplayFailed: true })
    // After a restart the list reads the same from the store.
    const inspector = await stack.restart()
    expect((await inspector.handlers['conversations:get']({ id: failing.conversationId! }))!.summary).toMatchObject({ endedInError: true, errors: 1, replays: 2 })
  })

  it('restore-reasoning-content does the same in OpenAI format; disable-thinking also gives 200', async () => {
    stack = await startStack()
    const ended = stack.ended(3)
    expect((await openaiDroppedReasoningSession(stack.proxyUrl, stack.emulator)).status).toBe(400)
    const failing = (await ended)[2]
    const original = (await stack.inspector.handlers['exchanges:body']({ id: failing.id, part: 'request' })).text!
    for (const fixId of ['restore-reasoning-content', 'disable-thinking']) {
      const fixed = await stack.inspector.handlers['replay:apply-fix']({ id: failing.id, fixId, body: original })
      const done = waitForEnded(stack.inspector, 1)
      await stack.inspector.handlers['replay:send']({ id: failing.id, body: fixed.body, headers: null, target: null, key: null })
      expect((await done)[0].status, fixId).toBe(200)
    }
  })
})

describe('replay on a kept-alive connection', () => {
  it('an upstream that drops the idle connection the replay reuses: sent again on a new one, answered', async () => {
    // The upstream answers the first request on a connection and drops the connection when a second one
    // arrives on it: what a server whose keep-alive timeout ends as the replay comes does to a pooled socket.
    const served = new WeakMap<object, number>()
    const upstream = createServer((req, res) => {
      const n = (served.get(req.socket) ?? 0) + 1
      served.set(req.socket, n)
      if (n > 1) return req.socket.destroy()
      req.resume()
      req.on('end', () => res.end(JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', model: 'mimo-v2.5', choices: [{ index: 0, message: { role: 'assistant', content: 'hi' }, finish_reason: 'stop' }] })))
    })
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r))
    try {
      stack = await startStack({}, { upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` })
      const id = await recordOne(chat)
      const done = waitForEnded(stack.inspector, 1)
      await stack.inspector.handlers['replay:send']({ id, body: null, headers: null, target: null, key: null })
      expect((await done)[0]).toMatchObject({ mode: 'replay', status: 200, error: null })
    } finally {
      upstream.closeAllConnections()
      upstream.close()
    }
  })
})
