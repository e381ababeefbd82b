// The store-backed evidence lookup on a real data folder: facts are written into each record at record time,
// the index is rebuilt from them after a restart without decoding a response, a response in another
// conversation is found by tool call id only when the call's name and input agree, and records written before
// the facts existed are still found.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ExchangeSummary } from '../../../src/shared/types'
import { persistJob } from '../../../src/main/core/capture/persist-job'
import { StoreEvidence, type EvidenceStore } from '../../../src/main/core/evidence/store-evidence'
import { Store } from '../../../src/main/core/store/store'
import { StoreWriter } from '../../../src/main/core/store/store-writer'
import type { BodyRef } from '../../../src/main/core/store/refs'

const THOUGHT = 'The user wants the file written; I will call write_file with the new contents now.'

let opened: Store[] = []
afterEach(() => {
  for (const s of opened) s.close()
  opened = []
})

function summary(seq: number, conversationId: string, status = 200): ExchangeSummary {
  return {
    id: `ex-${seq}`, seq, startedAt: new Date(seq * 1000).toISOString(), method: 'POST', path: '/anthropic/v1/messages', upstreamUrl: 'http://127.0.0.1:1/anthropic/v1/messages',
    mode: 'reverse', protocol: 'anthropic', model: 'mimo-v2.5-pro', stream: false, state: 'completed', status, error: null,
    durationMs: 1, ttfbMs: 1, requestSize: 0, responseSize: 0, usage: null, conversationId
  }
}

function write(writer: StoreWriter, seq: number, conversationId: string, request: unknown, response: unknown): void {
  const json = (v: unknown): Uint8Array => new Uint8Array(Buffer.from(JSON.stringify(v)))
  persistJob(
    {
      summary: summary(seq, conversationId),
      requestHeaders: [['content-type', 'application/json']],
      request: { bytes: json(request), cut: false },
      response: { statusMessage: 'OK', headers: [['content-type', 'application/json']], bytes: json(response), cut: false, chunkTimes: [] }
    },
    writer,
    null
  )
}

const reply = (thinking: string, id: string, input: unknown) => ({
  id: `msg_${id}`, type: 'message', role: 'assistant', model: 'mimo-v2.5-pro', stop_reason: 'tool_use',
  content: [{ type: 'thinking', thinking, signature: '' }, { type: 'text', text: 'I will write the file now.' }, { type: 'tool_use', id, name: 'write_file', input }],
  usage: { input_tokens: 10, output_tokens: 5 }
})

/** The failing request of a retried session: its tool turn, thinking dropped, prose kept. */
const dropped = (id: string, input: unknown) => ({
  model: 'mimo-v2.5-pro',
  messages: [
    { role: 'user', content: 'Write hello.txt' },
    { role: 'assistant', content: [{ type: 'text', text: 'I will write the file now.' }, { type: 'tool_use', id, name: 'write_file', input }] },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: 'ok' }] }
  ]
})

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mimo-evidence-'))
  const writer = new StoreWriter(dir)
  write(writer, 1, 'conv-a', { model: 'mimo-v2.5-pro', messages: [{ role: 'user', content: 'Write hello.txt' }] }, reply(THOUGHT, 'toolu_w1', { path: 'hello.txt' }))
  // Another session reused the id for another call (a provider numbering its calls): not evidence for conv-b.
  write(writer, 2, 'conv-c', { model: 'mimo-v2.5-pro', messages: [{ role: 'user', content: 'Other' }] }, reply('Something else entirely, for another file.', 'toolu_w2', { path: 'other.txt' }))
  writer.close()
  return dir
}

/** Counts body reads, to tell an index built from record facts from one that decoded every response. */
function counting(store: Store): EvidenceStore & { reads: number } {
  const wrapped = { records: store.records, reads: 0, getBody: (ref: BodyRef) => (wrapped.reads++, store.getBody(ref)) }
  return wrapped
}

describe('StoreEvidence', () => {
  it('writes the facts into the record at record time', () => {
    const store = Store.open(folder(), { readOnly: true })
    opened.push(store)
    expect(store.get('ex-1')!.reply).toMatchObject({ calls: ['toolu_w1'], text: expect.any(String), thinking: expect.any(String) })
  })

  it('after a reopen, finds the response in another conversation by tool call id and content, decoding only that one', () => {
    const store = Store.open(folder(), { readOnly: true })
    opened.push(store)
    const source = counting(store)
    const lookup = new StoreEvidence(source)
    const evidence = lookup.forRequest(dropped('toolu_w1', { path: 'hello.txt' }), { conversationId: 'conv-b', seq: 10 })
    expect(source.reads).toBe(1)
    const turn = evidence.turns.get(1)!
    expect(turn.ref).toMatchObject({ exchangeId: 'ex-1', sameConversation: false, matchedBy: 'tool-ids', n: null })
    expect(turn.changes).toEqual([{ kind: 'thinking-dropped', recordedBlock: 0, sentBlock: null, chars: THOUGHT.length }])
    expect(turn.recorded.thinking[0].thinking).toBe(THOUGHT)
  })

  it('does not take a response whose call has the same id but another input, nor one recorded after the request', () => {
    const store = Store.open(folder(), { readOnly: true })
    opened.push(store)
    const lookup = new StoreEvidence(store)
    expect(lookup.forRequest(dropped('toolu_w2', { path: 'hello.txt' }), { conversationId: 'conv-b', seq: 10 }).turns.size).toBe(0)
    expect(lookup.forRequest(dropped('toolu_w1', { path: 'hello.txt' }), { conversationId: 'conv-b', seq: 1 }).turns.size).toBe(0)
    // In its own conversation the id is enough (the input may have been edited since).
    expect(lookup.forRequest(dropped('toolu_w2', { path: 'hello.txt' }), { conversationId: 'conv-c', seq: 10 }).turns.get(1)?.ref.exchangeId).toBe('ex-2')
  })

  it('indexes records written before the facts existed by decoding them once', () => {
    const store = Store.open(folder(), { readOnly: true })
    opened.push(store)
    // The same records as an older version wrote them: no reply facts.
    const older = { records: store.records.map((r) => ({ ...r, reply: undefined })), getBody: (ref: BodyRef) => store.getBody(ref) }
    expect(older.records[0].reply).toBeUndefined()
    const evidence = new StoreEvidence(older).forRequest(dropped('toolu_w1', { path: 'hello.txt' }), { conversationId: 'conv-b', seq: 10 })
    expect(evidence.turns.get(1)?.ref.exchangeId).toBe('ex-1')
  })

  it('picks up records appended after it was built', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mimo-evidence-'))
    const store = Store.open(dir)
    opened.push(store)
    const lookup = new StoreEvidence(store)
    expect(lookup.forRequest(dropped('toolu_w1', { path: 'hello.txt' }), { conversationId: 'conv-b', seq: 10 }).turns.size).toBe(0)
    const writer = new StoreWriter(dir)
    write(writer, 1, 'conv-a', { model: 'mimo-v2.5-pro', messages: [{ role: 'user', content: 'Write hello.txt' }] }, reply(THOUGHT, 'toolu_w1', { path: 'hello.txt' }))
    writer.close()
    const reread = Store.open(dir, { readOnly: true })
    opened.push(reread)
    store.index(reread.get('ex-1')!)
    expect(lookup.forRequest(dropped('toolu_w1', { path: 'hello.txt' }), { conversationId: 'conv-b', seq: 10 }).turns.get(1)?.ref.exchangeId).toBe('ex-1')
  })
})
