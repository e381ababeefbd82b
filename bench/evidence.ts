// The evidence lookup on a store of thousands of recorded exchanges: what the facts written at record time
// cost, how long the index takes to build after a restart (from those facts, and by decoding every response
// for a folder recorded before they existed), how long finding the recorded response behind each assistant
// message of a failing request takes, and what trying each offered fix on a 5 MB request adds to a diagnosis.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ExchangeSummary } from '../src/shared/types'
import { persistJob } from '../src/main/core/capture/persist-job'
import { diagnose } from '../src/main/core/diagnose/diagnose'
import { NO_EVIDENCE } from '../src/main/core/evidence/match'
import { replyFacts } from '../src/main/core/evidence/reply-facts'
import { StoreEvidence } from '../src/main/core/evidence/store-evidence'
import { buildMessageView } from '../src/main/core/protocols/stream-view'
import { keepApplicableFixes } from '../src/main/core/replay/fixes'
import { Store } from '../src/main/core/store/store'
import { StoreWriter } from '../src/main/core/store/store-writer'
import { anthropicSession, openaiSession } from './diagnose'

const SESSIONS = Number(process.env.EVIDENCE_SESSIONS ?? 200)
const TURNS = 25
const LOOKUPS = 100

const thought = (s: number, t: number): string => `Session ${s}, step ${t}: I should read the next file and see how it uses the helper before I change it. `.repeat(4)
const sse = (event: string, data: object): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`

/** A MiMo-style streamed reply: thinking in deltas (no signature), a sentence, one tool call. */
function streamedReply(s: number, t: number): string {
  const id = `toolu_s${s}_t${t}`
  const think = thought(s, t)
  const half = Math.ceil(think.length / 2)
  return [
    sse('message_start', { type: 'message_start', message: { id: `msg_${s}_${t}`, type: 'message', role: 'assistant', model: 'mimo-v2.5-pro', content: [], usage: { input_tokens: 1000, output_tokens: 1 } } }),
    sse('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } }),
    sse('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: think.slice(0, half) } }),
    sse('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: think.slice(half) } }),
    sse('content_block_stop', { type: 'content_block_stop', index: 0 }),
    sse('content_block_start', { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } }),
    sse('content_block_delta', { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: 'I will read the file now.' } }),
    sse('content_block_stop', { type: 'content_block_stop', index: 1 }),
    sse('content_block_start', { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id, name: 'read_file', input: {} } }),
    sse('content_block_delta', { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: JSON.stringify({ path: `src/s${s}/f${t}.ts` }) } }),
    sse('content_block_stop', { type: 'content_block_stop', index: 2 }),
    sse('message_delta', { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 80 } }),
    sse('message_stop', { type: 'message_stop' })
  ].join('')
}

/** The request of turn t of session s: its history so far, every thinking block kept (or dropped, for the failing one). */
function requestBody(s: number, t: number, dropThinking = false): Record<string, unknown> {
  const messages: unknown[] = [{ role: 'user', content: `Session ${s}: refactor the helpers.` }]
  for (let k = 0; k < t; k++) {
    const id = `toolu_s${s}_t${k}`
    const thinking = { type: 'thinking', thinking: thought(s, k), signature: '' }
    messages.push({ role: 'assistant', content: [...(dropThinking ? [] : [thinking]), { type: 'text', text: 'I will read the file now.' }, { type: 'tool_use', id, name: 'read_file', input: { path: `src/s${s}/f${k}.ts` } }] })
    messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: `// contents of f${k}\n`.repeat(20) }] })
  }
  return { model: 'mimo-v2.5-pro', max_tokens: 32000, stream: true, system: 'You are a coding agent.', messages }
}

function summary(seq: number, conversationId: string): ExchangeSummary {
  return {
    id: `ex-${seq}`, seq, startedAt: new Date(seq).toISOString(), method: 'POST', path: '/anthropic/v1/messages', upstreamUrl: 'https://api.xiaomimimo.com/anthropic/v1/messages',
    mode: 'reverse', protocol: 'anthropic', model: 'mimo-v2.5-pro', stream: true, state: 'completed', status: 200, error: null,
    durationMs: 1, ttfbMs: 1, requestSize: 0, responseSize: 0, usage: null, conversationId
  }
}

const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]
const pct = (v: number[], p: number): number => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(v.length * p))]
const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 1)} ms`

function fixesCost(protocol: 'anthropic' | 'openai', body: Record<string, unknown>): string {
  const runs: number[] = []
  let ids = ''
  for (let r = 0; r < 6; r++) {
    const d = diagnose({ protocol, body, status: 400, responseText: null })
    const t0 = performance.now()
    keepApplicableFixes(d, protocol, body, NO_EVIDENCE)
    if (r > 0) runs.push(performance.now() - t0)
    ids = [...new Set(d.findings.flatMap((f) => f.fixIds))].join(', ')
  }
  return `| trying each offered fix once on a copy (${protocol}, 1,000 messages, ~5 MB) | ${ms(median(runs))} | ${ids} |`
}

export async function evidenceBench(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'mimo-bench-evidence-'))
  try {
    // Record: SESSIONS × TURNS exchanges through the persist job, as the worker writes them.
    const writer = new StoreWriter(dir)
    let seq = 0
    const t0 = performance.now()
    for (let s = 0; s < SESSIONS; s++) {
      for (let t = 0; t < TURNS; t++) {
        persistJob(
          {
            summary: summary(++seq, `conv-${s}`),
            requestHeaders: [['content-type', 'application/json']],
            request: { bytes: new Uint8Array(Buffer.from(JSON.stringify(requestBody(s, t)))), cut: false },
            response: { statusMessage: 'OK', headers: [['content-type', 'text/event-stream']], bytes: new Uint8Array(Buffer.from(streamedReply(s, t))), cut: false, chunkTimes: [] }
          },
          writer,
          null
        )
      }
    }
    const recordMs = performance.now() - t0
    writer.close()
    const exchanges = seq

    // The facts alone, per response (the part of the persist job this adds).
    const reply = buildMessageView('anthropic', streamedReply(1, 1), 'text/event-stream')
    const factRuns: number[] = []
    for (let r = 0; r < 2000; r++) {
      const a = performance.now()
      replyFacts(reply)
      factRuns.push(performance.now() - a)
    }

    const o0 = performance.now()
    const store = Store.open(dir, { readOnly: true })
    const openMs = performance.now() - o0
    const i0 = performance.now()
    const lookup = new StoreEvidence(store)
    lookup.sync()
    const indexMs = performance.now() - i0
    // A folder recorded before the facts existed: the index decodes every response once.
    const older = { records: store.records.map((r) => ({ ...r, reply: undefined })), getBody: (ref: Parameters<Store['getBody']>[0]) => store.getBody(ref) }
    const b0 = performance.now()
    new StoreEvidence(older).sync()
    const backfillMs = performance.now() - b0

    // Lookups: the last turn of a session with every thinking block dropped (24 assistant messages each),
    // in its own conversation and, as a re-run filed elsewhere, from another one (the whole store).
    const same: number[] = []
    const other: number[] = []
    let found = 0
    for (let k = 0; k < LOOKUPS; k++) {
      const s = (k * 37) % SESSIONS
      const body = requestBody(s, TURNS - 1, true)
      const a = performance.now()
      const ev = lookup.forRequest(body, { conversationId: `conv-${s}`, seq: exchanges + 1 })
      same.push(performance.now() - a)
      const b = performance.now()
      lookup.forRequest(body, { conversationId: 'conv-rerun', seq: exchanges + 1 })
      other.push(performance.now() - b)
      found += ev.turns.size
    }
    store.close()
    return [
      `| evidence, ${exchanges.toLocaleString('en-US')} recorded exchanges (${SESSIONS} sessions × ${TURNS} turns, streamed replies) | value |`,
      '| --- | --- |',
      `| reply facts per response at record time (median of 2,000) | ${(median(factRuns) * 1000).toFixed(0)} µs |`,
      `| recording all of them through the persist job (for scale) | ${ms(recordMs)} |`,
      `| open the store (read-only) | ${ms(openMs)} |`,
      `| build the index from the facts in the records | ${ms(indexMs)} |`,
      `| build it for a folder recorded before the facts existed (decodes every response) | ${ms(backfillMs)} |`,
      `| find the responses behind a ${TURNS - 1}-turn request, its own conversation (median / p99 of ${LOOKUPS}) | ${ms(median(same))} / ${ms(pct(same, 0.99))} |`,
      `| the same from another conversation (store-wide, by tool call id and content) | ${ms(median(other))} / ${ms(pct(other, 0.99))} |`,
      `| assistant messages matched | ${found} of ${LOOKUPS * (TURNS - 1)} |`,
      '',
      '| diagnosis: fixes offered only when they apply | median | fix ids tried |',
      '| --- | --- | --- |',
      fixesCost('openai', openaiSession()),
      fixesCost('anthropic', anthropicSession())
    ].join('\n')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
