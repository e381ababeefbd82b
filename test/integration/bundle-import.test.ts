// A repro bundle opened on another machine: the zip the app exports goes into a fresh data folder as bytes,
// and the receiver sees the failing request in its conversation with the same culprit, rule, error text and
// turn diff as the author, and the minimized request beside it; no key in it, nothing sent.
import { afterEach, expect, it } from 'vitest'
import type { MinimizeStatus } from '../../src/shared/types'
import { anthropicCraftSession, SESSION_KEY } from '../scenarios/agent-sessions'
import { everyStoredByte, leakedIn } from './data-folder'
import { startStack, type Stack } from './stack'

const stacks: Stack[] = []
afterEach(async () => {
  for (const s of stacks.splice(0)) await s.close()
})

async function author(): Promise<{ stack: Stack; id: string }> {
  const stack = await startStack()
  stacks.push(stack)
  expect((await anthropicCraftSession(stack.proxyUrl, stack.emulator)).status).toBe(400)
  // The session's last request is the failure; wait for it to be stored.
  for (let i = 0; i < 100 && !stack.inspector.store.records.some((r) => r.summary.status === 400); i++) await new Promise((r) => setTimeout(r, 50))
  const failing = stack.inspector.store.records.find((r) => r.summary.status === 400)!
  return { stack, id: failing.summary.id }
}

async function minimizedBody(stack: Stack, id: string): Promise<string> {
  const { jobId } = await stack.inspector.handlers['repro:minimize']({ id, mode: 'predicted', budget: 200, target: null, key: null })
  return new Promise((resolve, reject) => {
    const off = stack.inspector.events.on('repro:progress', (s: MinimizeStatus) => {
      if (s.jobId !== jobId || s.state === 'running') return
      off()
      if (s.state === 'done' && s.result) resolve(s.result.body)
      else reject(new Error(`minimize ${s.state}: ${s.message}`))
    })
  })
}

it('the receiver sees what the author saw, without a key and without sending anything', async () => {
  const { stack: a, id } = await author()
  const diagnosis = await a.inspector.handlers['exchanges:diagnose']({ id })
  const diff = await a.inspector.handlers['exchanges:turn-diff']({ id })
  expect(diagnosis?.culprit).not.toBeNull()
  const minimal = await minimizedBody(a, id)
  const bundle = await a.inspector.handlers['repro:export']({ id, minimalBody: minimal, removed: ['something'], minimizedBy: 'predicted' })

  const b = await startStack()
  stacks.push(b)
  const result = await b.inspector.handlers['import:file']({ name: bundle.fileName, base64: bundle.zipBase64 })
  expect(result.bundle).toBeDefined()
  expect(result.bundle!.readme).toContain('R02')
  expect(result.imported.length).toBeGreaterThanOrEqual(3)
  const failingId = result.bundle!.failingId!
  const minimalId = result.bundle!.minimalId!
  expect(failingId).toBeTruthy()
  expect(minimalId).toBeTruthy()

  const seen = await b.inspector.handlers['exchanges:diagnose']({ id: failingId })
  expect(seen?.culprit).toEqual(diagnosis?.culprit)
  expect(seen?.error?.message).toBe(diagnosis?.error?.message)
  expect(seen?.findings.map((f) => f.rule)).toEqual(diagnosis?.findings.map((f) => f.rule))
  const seenDiff = await b.inspector.handlers['exchanges:turn-diff']({ id: failingId })
  // Responses are named by their place in the conversation's strip, where the minimized request comes first:
  // the author's response #k is the receiver's #k+1, the rest of each sentence the same.
  const shifted = (d: string): string => d.replace(/response #(\d+)/g, (_m, n: string) => `response #${Number(n) + 1}`)
  expect(seenDiff?.changes.map((c) => c.description)).toEqual(diff?.changes.map((c) => shifted(c.description)))
  // The failing request opens in its conversation, as the author's did.
  const failing = result.imported.find((s) => s.id === failingId)!
  const conversation = await b.inspector.handlers['conversations:get']({ id: failing.conversationId! })
  expect(conversation?.focusId).toBe(failingId)
  expect(conversation?.summary.endedInError).toBe(true)
  // The session's three requests, and the minimized one (a shorter history of the same session) before them.
  expect(conversation?.exchanges.map((e) => e.id)).toEqual([minimalId, ...result.imported.slice(1).map((s) => s.id)])

  // The minimized request came in as sent by the minimizer, without an answer it never got.
  const body = await b.inspector.handlers['exchanges:body']({ id: minimalId, part: 'request' })
  expect(JSON.parse(body.text!)).toEqual(JSON.parse(minimal))
  expect(b.emulator.received).toHaveLength(0)
  expect(leakedIn(everyStoredByte(b.dataDir), SESSION_KEY)).toEqual([])
})

it('the old text argument still imports; a zip that is not a bundle is refused with a reason', async () => {
  const b = await startStack()
  stacks.push(b)
  const text = JSON.stringify({ model: 'mimo-v2.5', messages: [{ role: 'user', content: 'hi' }] })
  expect((await b.inspector.handlers['import:file']({ name: 'body.json', text })).imported).toHaveLength(1)
  // The same file as bytes.
  expect((await b.inspector.handlers['import:file']({ name: 'body.json', base64: Buffer.from(text).toString('base64') })).imported).toHaveLength(1)
  const { zipSync } = await import('fflate')
  const other = Buffer.from(zipSync({ 'notes/todo.txt': new Uint8Array(Buffer.from('hello')) })).toString('base64')
  await expect(b.inspector.handlers['import:file']({ name: 'other.zip', base64: other })).rejects.toThrow(/not a repro bundle/)
  await expect(b.inspector.handlers['import:file']({ name: 'bad.zip', base64: Buffer.from('PK\x03\x04garbage').toString('base64') })).rejects.toThrow(/not a readable zip/)
})
