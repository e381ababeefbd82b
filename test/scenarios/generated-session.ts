// A generated Claude-Code-like agent session for store tests and benchmarks. Each request re-sends the whole
// history (system prompt, tools, every earlier turn) and adds one turn: the assistant's thinking (with an
// opaque signature), some text and a tool call, and the tool's result (code or prose). Like Claude Code, the
// last user block carries the moving `cache_control` breakpoint, so every request also changes the history
// in the middle, not only at its end. Each response is the streamed SSE of the next assistant turn.
// Text comes from a seeded PRNG (test/scenarios/random-text.ts): the same options give the same bytes.
import { gzipSync } from 'node:zlib'
import type { HeaderList } from '../../src/shared/types'
import { RECORD_VERSION, type ExchangeRecord } from '../../src/main/core/store/record'
import type { BodyRef } from '../../src/main/core/store/refs'
import { Rng, TextSource } from './random-text'

export interface SessionOptions {
  requests: number
  seed?: number
  /** Tool result size range in bytes (each turn draws one). */
  toolResult?: [number, number]
  /** Thinking size range in bytes. */
  thinking?: [number, number]
}

export interface GeneratedExchange {
  method: 'POST'
  path: string
  requestHeaders: HeaderList
  request: Buffer
  responseHeaders: HeaderList
  /** The SSE stream as sent on the wire. */
  response: Buffer
  /** The same stream cut where a server would flush (event boundaries, a few events at a time). */
  responseWrites: Buffer[]
}

type Block = Record<string, unknown>
interface Message {
  role: 'user' | 'assistant'
  content: Block[]
}

const MODEL = 'mimo-v2.5-pro'

export function* generatedSession(options: SessionOptions): Generator<GeneratedExchange> {
  const rng = new Rng(options.seed ?? 12)
  const text = new TextSource(rng)
  const [resultMin, resultMax] = options.toolResult ?? [1_500, 14_000]
  const [thinkMin, thinkMax] = options.thinking ?? [300, 2_000]
  const system: Block[] = [
    { type: 'text', text: "You are Claude Code, Anthropic's official CLI for Claude." },
    { type: 'text', text: text.prose(14_000), cache_control: { type: 'ephemeral' } }
  ]
  const tools = Array.from({ length: 18 }, (_, i) => ({
    name: i < 6 ? ['Bash', 'Read', 'Edit', 'Write', 'Grep', 'Glob'][i] : text.rng.pick(text.identifiers),
    description: text.prose(rng.int(300, 1_600)),
    input_schema: {
      type: 'object',
      properties: Object.fromEntries(Array.from({ length: rng.int(1, 5) }, () => [text.word(), { type: rng.pick(['string', 'number', 'boolean']), description: text.prose(rng.int(30, 160)) }])),
      required: [],
      additionalProperties: false,
      $schema: 'http://json-schema.org/draft-07/schema#'
    }
  }))
  const userId = `user_${rng.bytes(32).toString('hex')}_account__session_${text.id('', 8)}`
  const sessionId = text.id('', 32)
  const messages: Message[] = [{ role: 'user', content: [{ type: 'text', text: `<system-reminder>\n${text.prose(600)}\n</system-reminder>` }, { type: 'text', text: text.prose(rng.int(80, 400)) }] }]

  for (let i = 0; i < options.requests; i++) {
    // Claude Code's rolling breakpoint: only the newest user block carries cache_control.
    for (const m of messages) for (const b of m.content) delete b.cache_control
    messages[messages.length - 1].content[messages[messages.length - 1].content.length - 1].cache_control = { type: 'ephemeral' }
    const body = { model: MODEL, messages, system, tools, metadata: { user_id: userId }, max_tokens: 32000, thinking: { type: 'adaptive' }, stream: true }
    const request = Buffer.from(JSON.stringify(body))

    const turn: Block[] = [{ type: 'thinking', thinking: text.prose(rng.int(thinkMin, thinkMax)), signature: text.signature(rng.int(200, 600)) }]
    if (rng.next() < 0.5) turn.push({ type: 'text', text: text.prose(rng.int(50, 500)) })
    const toolId = text.id('toolu_')
    const tool = rng.pick(tools.slice(0, 6)).name
    turn.push({ type: 'tool_use', id: toolId, name: tool, input: tool === 'Bash' ? { command: `npm test -- ${text.path()}`, description: text.prose(40) } : { file_path: text.path() } })
    const response = sseFor(turn, text, request.length)

    yield {
      method: 'POST',
      path: '/anthropic/v1/messages?beta=true',
      requestHeaders: [
        ['host', '127.0.0.1'],
        ['accept', 'application/json'],
        ['content-type', 'application/json'],
        ['user-agent', 'claude-cli/2.1.4 (external, cli)'],
        ['x-api-key', 'sk-generated0123456789abcdefghijklmnop'],
        ['anthropic-version', '2023-06-01'],
        ['anthropic-beta', 'claude-code-20250219,interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14'],
        ['x-claude-code-session-id', sessionId],
        ['x-stainless-lang', 'js'],
        ['x-stainless-package-version', '0.60.0'],
        ['x-stainless-os', 'Linux'],
        ['x-stainless-arch', 'x64'],
        ['x-stainless-runtime', 'node'],
        ['x-stainless-runtime-version', 'v22.17.0'],
        ['x-stainless-retry-count', '0'],
        ['x-stainless-timeout', '600'],
        ['accept-encoding', 'gzip, deflate, br'],
        ['content-length', String(request.length)]
      ],
      request,
      responseHeaders: [
        ['content-type', 'text/event-stream; charset=utf-8'],
        ['cache-control', 'no-cache'],
        ['x-request-id', text.id('req_')]
      ],
      response: Buffer.concat(response),
      responseWrites: response
    }

    messages.push({ role: 'assistant', content: turn })
    const result = rng.next() < 0.7 ? text.code(rng.int(resultMin, resultMax)) : text.prose(rng.int(resultMin, resultMax) / 2)
    messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: toolId, content: result }] })
  }
}

/** The assistant turn as Anthropic streams it, in writes of one to three events. */
function sseFor(turn: Block[], text: TextSource, requestBytes: number): Buffer[] {
  const events: string[] = []
  const send = (type: string, data: Record<string, unknown>): void => void events.push(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`)
  const inputTokens = Math.round(requestBytes / 4)
  send('message_start', { message: { id: text.id('msg_'), type: 'message', role: 'assistant', model: MODEL, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: inputTokens, output_tokens: 1, cache_read_input_tokens: inputTokens - 900 } } })
  let outputChars = 0
  turn.forEach((block, index) => {
    const pieces = (s: string): string[] => {
      const out: string[] = []
      for (let at = 0; at < s.length; ) {
        const n = text.rng.int(4, 48)
        out.push(s.slice(at, at + n))
        at += n
      }
      return out
    }
    if (block.type === 'thinking') {
      send('content_block_start', { index, content_block: { type: 'thinking', thinking: '', signature: '' } })
      for (const p of pieces(block.thinking as string)) send('content_block_delta', { index, delta: { type: 'thinking_delta', thinking: p } })
      send('content_block_delta', { index, delta: { type: 'signature_delta', signature: block.signature } })
      outputChars += (block.thinking as string).length
    } else if (block.type === 'text') {
      send('content_block_start', { index, content_block: { type: 'text', text: '' } })
      for (const p of pieces(block.text as string)) send('content_block_delta', { index, delta: { type: 'text_delta', text: p } })
      outputChars += (block.text as string).length
    } else {
      send('content_block_start', { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } })
      for (const p of pieces(JSON.stringify(block.input))) send('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: p } })
    }
    send('content_block_stop', { index })
    if (index === 0) events.push('event: ping\ndata: {"type": "ping"}\n\n')
  })
  send('message_delta', { delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: Math.round(outputChars / 4) } })
  send('message_stop', {})
  const writes: Buffer[] = []
  for (let at = 0; at < events.length; ) {
    const n = text.rng.int(1, 3)
    writes.push(Buffer.from(events.slice(at, at + n).join('')))
    at += n
  }
  return writes
}

export interface SessionFloor {
  requests: number
  /** Every request and response byte. */
  raw: number
  rawRequests: number
  /** gzip of the last request plus gzip of every response: all the unique content there is. */
  floor: number
}

/** Sizes of a session, for judging how close a store gets to the floor. */
export function measureSession(exchanges: Iterable<GeneratedExchange>): SessionFloor {
  let requests = 0
  let raw = 0
  let rawRequests = 0
  let responsesGz = 0
  let last: Buffer | null = null
  for (const e of exchanges) {
    requests++
    raw += e.request.length + e.response.length
    rawRequests += e.request.length
    responsesGz += gzipSync(e.response).length
    last = e.request
  }
  return { requests, raw, rawRequests, floor: responsesGz + (last ? gzipSync(last).length : 0) }
}

/** The record `serve` would store for a generated exchange (no grouping), its bodies put with `put`. */
export function sessionRecord(e: GeneratedExchange, seq: number, put: (bytes: Buffer, kind: 'request' | 'response') => BodyRef): ExchangeRecord {
  return {
    v: RECORD_VERSION,
    summary: {
      id: `gen-${seq}`, seq, startedAt: new Date(Date.UTC(2026, 0, 1) + seq * 7000).toISOString(), method: e.method, path: e.path, upstreamUrl: `http://127.0.0.1:9${e.path}`,
      mode: 'reverse', protocol: 'anthropic', model: MODEL, stream: true, state: 'completed', status: 200, error: null,
      durationMs: 1200 + (seq % 17) * 31, ttfbMs: 300 + (seq % 5) * 11, requestSize: e.request.length, responseSize: e.response.length, usage: null, conversationId: 'c-generated'
    },
    request: { headers: e.requestHeaders.filter(([k]) => k !== 'x-api-key'), body: put(e.request, 'request'), bodyCut: false },
    response: { statusMessage: 'OK', headers: e.responseHeaders, body: put(e.response, 'response'), bodyCut: false, chunkTimes: null }
  }
}
