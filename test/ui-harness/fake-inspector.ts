// An in-memory InspectorApi for looking at the UI without the real core. Runs in the browser (injected as
// window.inspector) or in Node (behind Playwright routes, to exercise the web-mode client). No DOM use here.
import type { ApiEvents, CallArg, CallName, CallResults, EventName, InspectorApi } from '../../src/shared/api'
import { CALL_NAMES } from '../../src/shared/channels'
import type {
  BodyView,
  ConversationSummary,
  Diagnosis,
  ExchangeDetail,
  ExchangeSummary,
  ImportResult,
  RequestView,
  TurnDiff,
  HeaderList,
  ProxyStatus,
  StoreStatus,
  StreamView,
  TokenUsage,
  UpstreamProfile,
  UpstreamProfileId
} from '../../src/shared/types'
import { anthropicStream, mimoStreamedError, openaiStream, type BuiltStream } from './fake-streams'
import { diagnoseGeneric, requestViewOf } from './fake-analysis'
import { duplicateToolsDiagnosis, overloadedDiagnosis, scriptedConversations, type ScriptedRequest } from './fake-conversations'
import { createReplaySim } from './fake-replay'

export type Scenario = 'full' | 'empty' | 'trouble'

export interface FakeOptions {
  scenario?: Scenario
  /** Generated background rows (default 10,000 for 'full'). */
  rows?: number
  /** Keep adding live exchanges (pending → streaming → completed). */
  live?: boolean
  /** Simulated call latency in ms. */
  latencyMs?: number
  /** Start with the forward proxy on (and a client that did not trust the CA). */
  mitm?: boolean
}

interface Record_ {
  summary: ExchangeSummary
  requestHeaders: HeaderList
  responseHeaders: HeaderList | null
  statusMessage: string
  requestBody: () => BodyView
  responseBody: () => BodyView
  stream: (() => StreamView | null) | null
  /** Messages in the request (the conversation's `turns` is the longest). */
  messages?: number
  /** Scripted analysis; without it the request body is read and the generic check runs. */
  diagnosis?: () => Diagnosis | null
  turnDiff?: (ids: string[]) => TurnDiff | null
}

interface ConversationMeta {
  title: string
  forkOf: string | null
  forkAt: number | null
}

const TITLES = [
  'Fix the flaky upload test in test/upload.test.ts',
  'Add a --json flag to the list command',
  'Why is the build 40% slower since the vite upgrade?',
  'Refactor the session store to use a Map',
  'Write a migration for the new billing columns',
  'Explain what src/scheduler/lease.ts does',
  'Bump eslint and fix the new warnings',
  'Port the retry helper to the new fetch API',
  'The dev server crashes on save in src/routes',
  'Generate OpenAPI types for the payments client',
  'Find the memory leak in the websocket handler',
  'Summarise the open TODOs in src/'
]

const PROFILES: UpstreamProfile[] = [
  { id: 'mimo', label: 'MiMo (pay-as-you-go)', baseUrl: 'https://api.xiaomimimo.com' },
  { id: 'mimo-token-plan', label: 'MiMo Token Plan (cn)', baseUrl: 'https://token-plan-cn.xiaomimimo.com' },
  { id: 'mimo-token-plan-sgp', label: 'MiMo Token Plan (sgp)', baseUrl: 'https://token-plan-sgp.xiaomimimo.com' },
  { id: 'mimo-token-plan-ams', label: 'MiMo Token Plan (ams)', baseUrl: 'https://token-plan-ams.xiaomimimo.com' },
  { id: 'custom', label: 'Custom URL…', baseUrl: '' }
]
const MODELS = ['mimo-v2.5-pro', 'mimo-v2.5', 'mimo-v2-pro', 'mimo-v2-flash', 'mimo-v2-omni']
const T0 = Date.parse('2026-05-14T08:00:00.000Z')

function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const hex = (r: () => number, n: number): string => {
  let s = ''
  for (let i = 0; i < n; i++) s += Math.floor(r() * 16).toString(16)
  return s
}

function textBody(id: string, part: 'request' | 'response', text: string | null, extra: Partial<BodyView> = {}): BodyView {
  const size = text === null ? 0 : new TextEncoder().encode(text).length
  let isJson = false
  if (text !== null && text.length < 6_000_000) {
    try {
      JSON.parse(text)
      isJson = true
    } catch {
      isJson = false
    }
  }
  return { id, part, size, encoding: null, text, truncated: false, isJson, note: null, ...extra }
}

function reqHeaders(path: string, size: number, protocol: 'anthropic' | 'openai', stream: boolean): HeaderList {
  const h: HeaderList = [
    ['host', '127.0.0.1:8788'],
    ['user-agent', protocol === 'anthropic' ? 'claude-cli/2.1.4 (external, cli)' : 'opencode/1.3.2 ai-sdk/openai-compatible'],
    ['content-type', 'application/json'],
    ['accept', stream ? 'text/event-stream' : 'application/json'],
    ['content-length', String(size)]
  ]
  if (protocol === 'anthropic') {
    h.push(['anthropic-version', '2023-06-01'], ['x-api-key', 'sk-…3f9a'])
  } else {
    h.push(['authorization', 'Bearer sk-…3f9a'])
  }
  h.push(['x-stainless-lang', 'js'], ['accept-encoding', 'gzip, deflate, br'])
  void path
  return h
}

function resHeaders(contentType: string, extra: HeaderList = []): HeaderList {
  return [
    ['date', 'Thu, 14 May 2026 08:00:00 GMT'],
    ['content-type', contentType],
    ['server', 'openresty'],
    ['x-request-id', 'b966dbcad38c48b59d16d8c1f313681b'],
    ...extra
  ]
}

function anthropicRequest(model: string, turns: number, stream: boolean, r: () => number): string {
  const messages: unknown[] = []
  for (let i = 0; i < turns; i++) {
    messages.push({ role: 'user', content: [{ type: 'text', text: `Step ${i + 1}: look at src/app.ts and fix the failing test.` }] })
    if (i < turns - 1) {
      messages.push({
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: 'I should read the file first.', signature: '' },
          { type: 'tool_use', id: `toolu_${hex(r, 20)}`, name: 'Read', input: { file_path: '/repo/src/app.ts' } }
        ]
      })
    }
  }
  return JSON.stringify({
    model,
    max_tokens: 32000,
    stream,
    system: [{ type: 'text', text: 'You are Claude Code, an agentic coding tool.' }],
    thinking: { type: 'enabled', budget_tokens: 10000 },
    tools: [
      { name: 'Read', description: 'Read a file', input_schema: { type: 'object', properties: { file_path: { type: 'string' } } } },
      { name: 'Bash', description: 'Run a command', input_schema: { type: 'object', properties: { command: { type: 'string' } } } }
    ],
    messages
  })
}

function openaiRequest(model: string, turns: number, stream: boolean): string {
  const messages: unknown[] = [{ role: 'system', content: 'You are OpenCode, a coding agent.' }]
  for (let i = 0; i < turns; i++) {
    messages.push({ role: 'user', content: `Task ${i + 1}: run the tests` })
  }
  return JSON.stringify({ model, stream, stream_options: stream ? { include_usage: true } : undefined, messages })
}

export interface FakeInspector {
  api: InspectorApi
  /** Push an event to subscribers (for tests that simulate the core). */
  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void
  stop(): void
}

export function createFakeInspector(options: FakeOptions = {}): FakeInspector {
  const scenario = options.scenario ?? 'full'
  const latency = options.latencyMs ?? 25
  const records: Record_[] = []
  const byId = new Map<string, Record_>()
  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  let upstream: UpstreamProfile = PROFILES[0]
  const timers: Array<ReturnType<typeof setTimeout>> = []
  // Replay, minimize, export, keys and the forward proxy (fake-replay.ts), over this fake's records.
  const sim = createReplaySim(
    {
      get: (id) => byId.get(id),
      next: () => {
        const s = ++seq
        return { seq: s, id: `ex-${String(s).padStart(6, '0')}` }
      },
      summary: (s, over) => summary(s, over),
      textBody,
      add: (rec) => {
        add(rec)
        emit('exchange:upserted', rec.summary)
        const c = rec.summary.conversationId ? conversationOf(rec.summary.conversationId) : null
        if (c) emit('conversation:upserted', c)
        emit('store:status', storeStatus())
      },
      changed: (rec) => {
        emit('exchange:upserted', rec.summary)
        const c = rec.summary.conversationId ? conversationOf(rec.summary.conversationId) : null
        if (c) emit('conversation:upserted', c)
      },
      emit: (event, payload) => emit(event, payload),
      proxy: () => proxy(),
      timers
    },
    { mitmOn: options.mitm }
  )

  const proxy = (): ProxyStatus => ({
    reverse: {
      host: '127.0.0.1',
      port: 8788,
      listening: scenario !== 'trouble',
      error: scenario === 'trouble' ? 'listen EADDRINUSE: address already in use 127.0.0.1:8788' : null,
      url: 'http://127.0.0.1:8788'
    },
    mitm: sim.mitm(),
    upstream,
    profiles: PROFILES,
    envLines: [
      { label: 'Claude Code, Craft Agents', line: 'export ANTHROPIC_BASE_URL=http://127.0.0.1:8788/anthropic' },
      { label: 'OpenCode, Kilo Code, Cline', line: 'export OPENAI_BASE_URL=http://127.0.0.1:8788/v1' },
      { label: 'Any HTTPS client (forward proxy)', line: 'export HTTPS_PROXY=http://127.0.0.1:8789' },
      {
        label: 'Node-based agents',
        line: 'export NODE_EXTRA_CA_CERTS="$HOME/.local/share/mimo-inspector/ca/mimo-inspector-ca.pem"'
      },
      { label: 'Local traffic', line: 'export NO_PROXY=localhost,127.0.0.1' }
    ]
  })
  const storeStatus = (): StoreStatus => ({
    dataDir: '/home/dev/.local/share/mimo-inspector',
    exchangeCount: records.length,
    recording: scenario !== 'trouble',
    error: scenario === 'trouble' ? 'ENOSPC: no space left on device, write' : null
  })

  const members = new Map<string, Record_[]>()
  const convMeta = new Map<string, ConversationMeta>()

  function add(rec: Record_): void {
    records.push(rec)
    byId.set(rec.summary.id, rec)
    const conv = rec.summary.conversationId
    if (conv) {
      let list = members.get(conv)
      if (!list) members.set(conv, (list = []))
      list.push(rec)
    }
  }

  function summary(seq: number, over: Partial<ExchangeSummary>): ExchangeSummary {
    return {
      id: `ex-${String(seq).padStart(6, '0')}`,
      seq,
      startedAt: new Date(T0 + seq * 1700).toISOString(),
      method: 'POST',
      path: '/anthropic/v1/messages',
      upstreamUrl: `${upstream.baseUrl}/anthropic/v1/messages`,
      mode: 'reverse',
      protocol: 'anthropic',
      model: 'mimo-v2.5-pro',
      stream: true,
      state: 'completed',
      status: 200,
      error: null,
      durationMs: 4200,
      ttfbMs: 380,
      requestSize: 0,
      responseSize: 0,
      usage: null,
      conversationId: null,
      ...over
    }
  }

  // ---- background rows ----
  const background = scenario === 'empty' ? 0 : (options.rows ?? 10_000)
  for (let seq = 1; seq <= background; seq++) add(generated(seq))

  function generated(seq: number): Record_ {
    const r = rng(seq * 7919)
    const roll = r()
    const openai = r() < 0.35
    const model = MODELS[Math.floor(r() * MODELS.length)]
    const stream = r() < 0.8
    const turns = 1 + Math.floor(r() * 12)
    let status = 200
    if (roll < 0.04) status = 400
    else if (roll < 0.055) status = 429
    else if (roll < 0.062) status = 500
    else if (roll < 0.066) status = 503
    else if (roll < 0.069) status = 401
    const failed = roll > 0.997
    const isModels = roll > 0.985 && roll <= 0.997
    const path = isModels ? '/v1/models' : openai ? '/v1/chat/completions' : '/anthropic/v1/messages'
    const protocol = openai || isModels ? 'openai' : 'anthropic'
    const reqText = isModels ? '' : openai ? openaiRequest(model, turns, stream) : anthropicRequest(model, turns, stream, r)
    const usage: TokenUsage | null =
      status === 200 && !isModels
        ? {
            inputTokens: 800 + Math.floor(r() * 60000),
            outputTokens: 20 + Math.floor(r() * 3000),
            cacheReadTokens: Math.floor(r() * 40000),
            reasoningTokens: openai ? Math.floor(r() * 800) : null
          }
        : null
    const id = `ex-${String(seq).padStart(6, '0')}`
    let built: BuiltStream | null = null
    const buildStream = (): BuiltStream | null => {
      if (!stream || status !== 200 || isModels || failed) return null
      built ??= openai
        ? openaiStream({
            id: hex(r, 32),
            model,
            reasoning: 'Run the test suite first, then read the failure.',
            content: 'Running the tests now.',
            toolCalls: [{ id: `call_${hex(r, 24)}`, name: 'bash', args: { command: 'npm test' } }],
            usage: usage as TokenUsage,
            finishReason: 'tool_calls'
          })
        : anthropicStream({
            id: hex(r, 32),
            model,
            thinking: 'The test fails because the fixture path changed. Read it first.',
            signature: '',
            text: 'Let me look at the fixture.',
            tool: { id: `toolu_${hex(r, 20)}`, name: 'Read', input: { file_path: '/repo/test/fixture.json' } },
            usage: usage as TokenUsage,
            stopReason: 'tool_use'
          })
      return built
    }
    const errorBody =
      status === 400
        ? JSON.stringify({ error: { code: '400', message: 'Param Incorrect', param: '`text` is not present', type: '' } })
        : status === 429
          ? JSON.stringify({ error: { code: '429', message: 'Too many requests', type: 'limitation' } })
          : status === 401
            ? JSON.stringify({ error: { message: 'Invalid API Key', param: 'Please provide valid API Key', code: '401', type: 'invalid_key' } })
            : status >= 500
              ? JSON.stringify({ error: { code: String(status), message: status === 503 ? 'Service overloaded' : 'Internal error', type: 'server_error' } })
              : null
    const nonStreamOk = isModels
      ? JSON.stringify({ object: 'list', data: MODELS.map((m) => ({ id: m, object: 'model', owned_by: 'xiaomi' })) })
      : JSON.stringify({
          id: hex(r, 32),
          type: 'message',
          role: 'assistant',
          model,
          stop_reason: 'end_turn',
          content: [{ type: 'text', text: 'Done. All 42 tests pass.' }],
          usage: { input_tokens: usage?.inputTokens ?? 0, output_tokens: usage?.outputTokens ?? 0 }
        })
    const responseText = (): string | null => {
      if (failed) return null
      if (errorBody) return errorBody
      return buildStream()?.text ?? nonStreamOk
    }
    const responseSize = failed ? 0 : errorBody ? errorBody.length : stream && !isModels ? 2400 + Math.floor(r() * 9000) : nonStreamOk.length
    const duration = failed ? 30000 : status === 200 ? 600 + Math.floor(r() * 20000) : 90 + Math.floor(r() * 400)
    const sum = summary(seq, {
      id,
      method: isModels ? 'GET' : 'POST',
      path,
      upstreamUrl: `${upstream.baseUrl}${path}`,
      // Some rows came through the forward proxy (HTTPS_PROXY).
      mode: seq % 13 === 0 ? 'mitm' : 'reverse',
      protocol,
      model: isModels ? null : model,
      stream: stream && !isModels,
      state: failed ? 'failed' : 'completed',
      status: failed ? null : status,
      error: failed ? 'read ECONNRESET (upstream closed the connection)' : null,
      durationMs: duration,
      ttfbMs: failed ? null : Math.min(duration, 150 + Math.floor(r() * 900)),
      requestSize: reqText.length,
      responseSize,
      usage,
      conversationId: isModels ? null : `conv-${Math.floor(seq / 9)}`
    })
    return {
      messages: isModels ? 0 : openai ? turns + 1 : 2 * turns - 1,
      summary: sum,
      requestHeaders: reqHeaders(path, reqText.length, protocol, stream),
      responseHeaders: failed
        ? null
        : resHeaders(errorBody || !stream || isModels ? 'application/json' : 'text/event-stream; charset=utf-8'),
      statusMessage: status === 200 ? 'OK' : status === 400 ? 'Bad Request' : status === 429 ? 'Too Many Requests' : status === 401 ? 'Unauthorized' : status === 503 ? 'Service Unavailable' : 'Internal Server Error',
      requestBody: () => textBody(id, 'request', reqText || null),
      responseBody: () => textBody(id, 'response', responseText()),
      stream: stream && !isModels ? () => buildStream()?.view ?? null : null
    }
  }

  // ---- the interesting exchanges, newest ----
  let seq = background
  if (scenario !== 'empty') {
    // 1. Anthropic stream: thinking (signed) + text + tool_use.
    {
      const s = ++seq
      const st = anthropicStream({
        id: 'b966dbcad38c48b59d16d8c1f313681b',
        model: 'mimo-v2.5-pro',
        thinking:
          'The user wants the failing test fixed. The stack trace points at parseConfig in src/config.ts, line 48: ' +
          'it reads `options.retries` but the test passes `retry`. I should open the file to confirm before editing, ' +
          'then run the single test file again.',
        signature: 'EqQBCkYIBxgCKkBk2m9qg7cT0b3l0w2Rk3xg0RzC1JX7aTqv1b6Z5hYy0N9n+q1cvo0Rz7m3g2B9PjTq8zQ==',
        text: "I'll open the config parser to check how `retries` is read.",
        tool: { id: 'toolu_01HkW3bq8VvG1r6T7YxJd2Qp', name: 'Read', input: { file_path: '/repo/src/config.ts', offset: 30, limit: 40 } },
        usage: { inputTokens: 18342, outputTokens: 412, cacheReadTokens: 17920, reasoningTokens: null },
        stopReason: 'tool_use'
      })
      const req = anthropicRequest('mimo-v2.5-pro', 4, true, rng(1))
      add({
        summary: summary(s, { requestSize: req.length, responseSize: st.text.length, durationMs: 5830, ttfbMs: 412, usage: st.view.message?.usage ?? null, conversationId: 'conv-special' }),
        requestHeaders: reqHeaders('/anthropic/v1/messages', req.length, 'anthropic', true),
        responseHeaders: resHeaders('text/event-stream; charset=utf-8', [['transfer-encoding', 'chunked']]),
        statusMessage: 'OK',
        requestBody: () => textBody(`ex-${String(s).padStart(6, '0')}`, 'request', req),
        responseBody: () => textBody(`ex-${String(s).padStart(6, '0')}`, 'response', st.text),
        stream: () => st.view
      })
    }
    // 2. OpenAI stream: reasoning_content + two tool_calls.
    {
      const s = ++seq
      const st = openaiStream({
        id: '72c2d792ca96489abd0b287184dac960',
        model: 'mimo-v2-flash',
        reasoning:
          'The user asked to add two numbers and then look up the weather. I will call add(2, 3) and get_weather for Beijing in parallel.',
        toolCalls: [
          { id: 'call_00_9nLfpIQ6VO1JCaEsJcU8WZnS', name: 'add', args: { a: 2, b: 3 } },
          { id: 'call_01_Xq7pT2mVb8LkR4sNw1YcD6Ue', name: 'get_weather', args: { city: 'Beijing', unit: 'celsius' } }
        ],
        usage: { inputTokens: 2311, outputTokens: 187, cacheReadTokens: 1024, reasoningTokens: 96 },
        finishReason: 'tool_calls'
      })
      const req = openaiRequest('mimo-v2-flash', 3, true)
      const id = `ex-${String(s).padStart(6, '0')}`
      add({
        summary: summary(s, {
          id,
          path: '/v1/chat/completions',
          upstreamUrl: `${upstream.baseUrl}/v1/chat/completions`,
          protocol: 'openai',
          model: 'mimo-v2-flash',
          requestSize: req.length,
          responseSize: st.text.length,
          durationMs: 2140,
          ttfbMs: 265,
          usage: st.view.message?.usage ?? null
        }),
        requestHeaders: reqHeaders('/v1/chat/completions', req.length, 'openai', true),
        responseHeaders: resHeaders('text/event-stream'),
        statusMessage: 'OK',
        requestBody: () => textBody(id, 'request', req),
        responseBody: () => textBody(id, 'response', st.text),
        stream: () => st.view
      })
    }
    // 3. 400 with MiMo's error (Anthropic path, plain JSON).
    {
      const s = ++seq
      const id = `ex-${String(s).padStart(6, '0')}`
      const req = anthropicRequest('mimo-v2.5-pro', 6, true, rng(3))
      const err = JSON.stringify({
        error: {
          code: '400',
          message: 'Param Incorrect',
          param: 'The reasoning_content in the thinking mode must be passed back to the API.',
          type: ''
        }
      })
      add({
        summary: summary(s, { id, status: 400, requestSize: req.length, responseSize: err.length, durationMs: 231, ttfbMs: 228 }),
        requestHeaders: reqHeaders('/anthropic/v1/messages', req.length, 'anthropic', true),
        responseHeaders: resHeaders('application/json'),
        statusMessage: 'Bad Request',
        requestBody: () => textBody(id, 'request', req),
        responseBody: () => textBody(id, 'response', err),
        stream: () => null
      })
    }
    // 4. 400 streamed the MiMo way (OpenAI path, `data:{"error":…}`).
    {
      const s = ++seq
      const id = `ex-${String(s).padStart(6, '0')}`
      const req = openaiRequest('mimo-v2.5-pro', 5, true)
      const st = mimoStreamedError('tools contains duplicate names: mcp__maps_direction_walking')
      add({
        summary: summary(s, {
          id,
          path: '/v1/chat/completions',
          upstreamUrl: `${upstream.baseUrl}/v1/chat/completions`,
          protocol: 'openai',
          status: 400,
          requestSize: req.length,
          responseSize: st.text.length,
          durationMs: 318,
          ttfbMs: 312
        }),
        requestHeaders: reqHeaders('/v1/chat/completions', req.length, 'openai', true),
        responseHeaders: resHeaders('text/event-stream'),
        statusMessage: 'Bad Request',
        requestBody: () => textBody(id, 'request', req),
        responseBody: () => textBody(id, 'response', st.text),
        stream: () => st.view
      })
    }
    // 5. HTTP 200 stream with an overloaded_error event mid-way, thinking without signature.
    {
      const s = ++seq
      const id = `ex-${String(s).padStart(6, '0')}`
      const st = anthropicStream({
        id: '5c0ffee0c0ffee0c0ffee0c0ffee0c0f',
        model: 'mimo-v2.5',
        thinking: 'Start with the README.',
        signature: null,
        usage: { inputTokens: 9211, outputTokens: null, cacheReadTokens: null, reasoningTokens: null },
        stopReason: 'end_turn',
        midStreamError: { type: 'overloaded_error', message: 'Overloaded' }
      })
      const req = anthropicRequest('mimo-v2.5', 2, true, rng(5))
      add({
        summary: summary(s, { id, model: 'mimo-v2.5', requestSize: req.length, responseSize: st.text.length, durationMs: 1702, ttfbMs: 501 }),
        requestHeaders: reqHeaders('/anthropic/v1/messages', req.length, 'anthropic', true),
        responseHeaders: resHeaders('text/event-stream'),
        statusMessage: 'OK',
        requestBody: () => textBody(id, 'request', req),
        responseBody: () => textBody(id, 'response', st.text),
        stream: () => st.view
      })
    }
    // 6. A 5 MB request body (a long agent session with a pasted log).
    {
      const s = ++seq
      const id = `ex-${String(s).padStart(6, '0')}`
      let big: string | null = null
      const bigBody = (): string => {
        if (big) return big
        const messages: unknown[] = []
        const log = 'ERROR  src/worker.ts:118  timeout waiting for lease (attempt 3/5) '.repeat(40)
        let size = 0
        for (let i = 0; size < 5 * 1024 * 1024; i++) {
          const m = i % 2 === 0 ? { role: 'user', content: [{ type: 'text', text: `Log chunk ${i}: ${log}` }] } : { role: 'assistant', content: [{ type: 'text', text: `Noted chunk ${i - 1}. Continue.` }] }
          size += JSON.stringify(m).length
          messages.push(m)
        }
        big = JSON.stringify({ model: 'mimo-v2.5-pro', max_tokens: 8192, stream: false, messages })
        return big
      }
      add({
        summary: summary(s, { id, stream: false, requestSize: 5 * 1024 * 1024 + 120, responseSize: 512, durationMs: 18211, ttfbMs: 18100, usage: { inputTokens: 1302211, outputTokens: 96, cacheReadTokens: 0, reasoningTokens: null } }),
        requestHeaders: reqHeaders('/anthropic/v1/messages', 5 * 1024 * 1024, 'anthropic', false),
        responseHeaders: resHeaders('application/json'),
        statusMessage: 'OK',
        requestBody: () => textBody(id, 'request', bigBody()),
        responseBody: () => textBody(id, 'response', JSON.stringify({ id: 'a1', type: 'message', role: 'assistant', model: 'mimo-v2.5-pro', stop_reason: 'end_turn', content: [{ type: 'text', text: 'The lease timeouts start at chunk 0.' }], usage: { input_tokens: 1302211, output_tokens: 96 } })),
        stream: null
      })
    }
    // 7. Response body the core could not decode, and a cut-off one.
    {
      const s = ++seq
      const id = `ex-${String(s).padStart(6, '0')}`
      const req = openaiRequest('mimo-v2-pro', 1, false)
      add({
        summary: summary(s, { id, path: '/v1/chat/completions', upstreamUrl: `${upstream.baseUrl}/v1/chat/completions`, protocol: 'openai', model: 'mimo-v2-pro', stream: false, requestSize: req.length, responseSize: 1893, durationMs: 2004, ttfbMs: 1990 }),
        requestHeaders: reqHeaders('/v1/chat/completions', req.length, 'openai', false),
        responseHeaders: resHeaders('application/json', [['content-encoding', 'zstd']]),
        statusMessage: 'OK',
        requestBody: () => textBody(id, 'request', req),
        responseBody: () => ({ id, part: 'response', size: 1893, encoding: 'zstd', text: null, truncated: false, isJson: false, note: 'Unknown content-encoding "zstd": raw bytes kept, no decoded view.' }),
        stream: null
      })
    }
    // 8. Transport failure: upstream refused.
    {
      const s = ++seq
      const id = `ex-${String(s).padStart(6, '0')}`
      const req = anthropicRequest('mimo-v2.5-pro', 1, true, rng(8))
      add({
        summary: summary(s, { id, state: 'failed', status: null, error: 'connect ECONNREFUSED 10.0.0.12:443 (upstream api.xiaomimimo.com)', durationMs: 12, ttfbMs: null, requestSize: req.length, responseSize: 0 }),
        requestHeaders: reqHeaders('/anthropic/v1/messages', req.length, 'anthropic', true),
        responseHeaders: null,
        statusMessage: '',
        requestBody: () => textBody(id, 'request', req),
        responseBody: () => textBody(id, 'response', null),
        stream: () => null
      })
    }
    // 9. In flight: streaming (head received) and pending.
    {
      const s = ++seq
      const id = `ex-${String(s).padStart(6, '0')}`
      const st = anthropicStream({
        id: 'f00dfeedf00dfeedf00dfeedf00dfeed',
        model: 'mimo-v2.5-pro',
        thinking: 'Plan: read package.json, then run the build.',
        signature: '',
        text: 'Reading package.json…',
        usage: { inputTokens: 20111, outputTokens: null, cacheReadTokens: 19000, reasoningTokens: null },
        stopReason: 'tool_use',
        cutAfterBlocks: 1
      })
      const req = anthropicRequest('mimo-v2.5-pro', 7, true, rng(9))
      add({
        summary: summary(s, { id, state: 'streaming', durationMs: null, ttfbMs: 377, requestSize: req.length, responseSize: st.text.length }),
        requestHeaders: reqHeaders('/anthropic/v1/messages', req.length, 'anthropic', true),
        responseHeaders: resHeaders('text/event-stream'),
        statusMessage: 'OK',
        requestBody: () => textBody(id, 'request', req),
        responseBody: () => textBody(id, 'response', st.text),
        stream: () => st.view
      })
    }
    {
      const s = ++seq
      const id = `ex-${String(s).padStart(6, '0')}`
      const req = openaiRequest('mimo-v2.5-pro', 2, true)
      add({
        summary: summary(s, { id, path: '/v1/chat/completions', upstreamUrl: `${upstream.baseUrl}/v1/chat/completions`, protocol: 'openai', state: 'pending', status: null, durationMs: null, ttfbMs: null, requestSize: req.length, responseSize: 0 }),
        requestHeaders: reqHeaders('/v1/chat/completions', req.length, 'openai', true),
        responseHeaders: null,
        statusMessage: '',
        requestBody: () => textBody(id, 'request', req),
        responseBody: () => textBody(id, 'response', null),
        stream: () => null
      })
    }
  }

  // ---- conversations: the specials get their own, then the scripted 400 journeys ----
  const special = (n: number): Record_ | undefined => byId.get(`ex-${String(background + n).padStart(6, '0')}`)
  function join(rec: Record_ | undefined, conversationId: string, meta: Partial<ConversationMeta> & { title: string }): void {
    if (!rec) return
    rec.summary = { ...rec.summary, conversationId }
    members.set(conversationId, [rec])
    convMeta.set(conversationId, { forkOf: null, forkAt: null, ...meta })
  }
  if (scenario !== 'empty') {
    members.delete('conv-special')
    join(special(1), 'conv-special', { title: 'Why does config.retries default to 0?' })
    join(special(2), 'conv-weather', { title: 'Add 2 and 3, then get the weather in Beijing' })
    join(special(3), 'conv-param-400', { title: 'Add a --dry-run flag to the deploy script' })
    join(special(4), 'conv-dup-tools', { title: 'Walking directions from the office to the station' })
    const dup = special(4)
    if (dup) dup.diagnosis = duplicateToolsDiagnosis
    join(special(5), 'conv-overloaded', { title: 'Start with the README' })
    const overloaded = special(5)
    if (overloaded) {
      overloaded.summary = { ...overloaded.summary, bodyError: 'overloaded_error: Overloaded' }
      overloaded.diagnosis = overloadedDiagnosis
    }
  }
  if (scenario === 'full') {
    for (const conv of scriptedConversations()) {
      convMeta.set(conv.id, { title: conv.title, forkOf: conv.forkOf ?? null, forkAt: conv.forkAt ?? null })
      const ids: string[] = []
      for (const req of conv.requests) {
        const rec = scripted(++seq, conv.id, req, () => ids)
        ids.push(rec.summary.id)
        add(rec)
      }
    }
  }

  function scripted(s: number, conversationId: string, req: ScriptedRequest, ids: () => string[]): Record_ {
    const id = `ex-${String(s).padStart(6, '0')}`
    const body = req.body() as { messages?: unknown[] }
    const text = JSON.stringify(body)
    const path = req.protocol === 'anthropic' ? '/anthropic/v1/messages' : '/v1/chat/completions'
    const failedStatus = req.status >= 400
    return {
      summary: summary(s, {
        id,
        path,
        upstreamUrl: `${upstream.baseUrl}${path}`,
        protocol: req.protocol,
        model: req.model,
        stream: req.stream,
        status: req.status,
        bodyError: req.bodyError ?? null,
        durationMs: req.durationMs ?? 4000,
        ttfbMs: Math.min(req.durationMs ?? 4000, failedStatus ? (req.durationMs ?? 300) - 4 : 420),
        requestSize: text.length,
        responseSize: req.responseText.length,
        usage: req.usage ?? null,
        conversationId
      }),
      requestHeaders: reqHeaders(path, text.length, req.protocol, req.stream),
      responseHeaders: resHeaders(req.contentType),
      statusMessage: failedStatus ? 'Bad Request' : 'OK',
      requestBody: () => textBody(id, 'request', text),
      responseBody: () => textBody(id, 'response', req.responseText),
      stream: () => null,
      messages: body.messages?.length ?? 0,
      diagnosis: req.diagnosis,
      turnDiff: req.turnDiff ? () => req.turnDiff!(ids()) : undefined
    }
  }

  const failedSummary = (e: ExchangeSummary): boolean => (e.status ?? 0) >= 400 || e.state === 'failed' || !!e.bodyError

  function conversationOf(id: string): ConversationSummary | null {
    const list = members.get(id)
    if (!list || list.length === 0) return null
    const first = list[0].summary
    const last = list[list.length - 1].summary
    const meta = convMeta.get(id)
    const n = Number(/\d+/.exec(id)?.[0] ?? 0)
    return {
      id,
      title: meta?.title ?? TITLES[n % TITLES.length],
      protocol: first.protocol,
      model: last.model,
      forkOf: meta?.forkOf ?? null,
      forkAt: meta?.forkAt ?? null,
      requests: list.length,
      turns: Math.max(0, ...list.map(messagesOf)),
      firstSeq: first.seq,
      lastSeq: last.seq,
      startedAt: first.startedAt,
      lastAt: last.startedAt,
      inputTokens: list.reduce((t, r) => t + (r.summary.usage?.inputTokens ?? 0), 0),
      outputTokens: list.reduce((t, r) => t + (r.summary.usage?.outputTokens ?? 0), 0),
      errors: list.filter((r) => failedSummary(r.summary)).length,
      endedInError: failedSummary(last),
      lastStatus: last.status,
      sessionId: null,
      thread: null,
      sessionThreads: 1,
      sessionStartSeq: first.seq,
      replays: 0,
      lastReplayStatus: null,
      lastReplayFailed: null
    }
  }

  function messagesOf(r: Record_): number {
    // The specials were built without a count; read it from the body once.
    r.messages ??= r.summary.requestSize < 1_000_000 ? (viewOf(r)?.messages.length ?? 0) : 0
    return r.messages
  }

  function allConversations(): ConversationSummary[] {
    const out: ConversationSummary[] = []
    for (const id of members.keys()) {
      const c = conversationOf(id)
      if (c) out.push(c)
    }
    return out.sort((a, b) => a.firstSeq - b.firstSeq)
  }

  function viewOf(rec: Record_): RequestView | null {
    const protocol = rec.summary.protocol
    const text = rec.requestBody().text
    if (protocol === 'unknown' || !text) return null
    try {
      return requestViewOf(protocol, JSON.parse(text))
    } catch {
      return null
    }
  }

  /** The request to open a conversation on: its failing last request, else its longest. */
  function focusOf(list: Record_[]): string {
    const last = list[list.length - 1]
    if (failedSummary(last.summary)) return last.summary.id
    return list.reduce((best, r) => ((r.messages ?? 0) >= (best.messages ?? 0) ? r : best), list[0]).summary.id
  }

  let imports = 0
  function importText(name: string, text: string): ImportResult {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (err) {
      throw new Error(`${name}: not JSON (${(err as Error).message})`)
    }
    type Entry = { method: string; path: string; body: unknown; status: number | null; response: string | null }
    const entries: Entry[] = []
    const skipped: string[] = []
    const obj = parsed as Record<string, unknown>
    const asText = (v: unknown): string | null => (v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v))
    if (obj && typeof obj === 'object' && obj.log && Array.isArray((obj.log as { entries?: unknown }).entries)) {
      ;((obj.log as { entries: Array<Record<string, any>> }).entries).forEach((e, i) => {
        const post = e.request?.postData?.text
        if (!post) return void skipped.push(`entry ${i}: ${e.request?.method ?? '?'} ${e.request?.url ?? '?'} has no request body`)
        let body: unknown = post
        try {
          body = JSON.parse(post)
        } catch {
          return void skipped.push(`entry ${i}: the request body is not JSON`)
        }
        entries.push({ method: e.request.method ?? 'POST', path: new URL(e.request.url).pathname, body, status: e.response?.status ?? null, response: e.response?.content?.text ?? null })
      })
    } else if (obj && typeof obj === 'object' && 'request' in obj) {
      const req = obj.request as Record<string, any>
      const res = obj.response as Record<string, any> | undefined
      entries.push({ method: req.method ?? 'POST', path: req.path ?? (req.url ? new URL(req.url).pathname : '/v1/chat/completions'), body: req.body, status: res?.status ?? null, response: asText(res?.body) })
    } else if (obj && typeof obj === 'object' && Array.isArray(obj.messages)) {
      entries.push({ method: 'POST', path: obj.system !== undefined || obj.thinking !== undefined ? '/anthropic/v1/messages' : '/v1/chat/completions', body: obj, status: null, response: null })
    } else {
      throw new Error(`${name}: not an exchange file, a request body or a HAR (no "request", "messages" or "log.entries" at the top level)`)
    }
    const conversationId = entries.length ? `conv-import-${++imports}` : null
    const imported: ExchangeSummary[] = []
    for (const e of entries) {
      const s = ++seq
      const id = `ex-${String(s).padStart(6, '0')}`
      const protocol = e.path.includes('/messages') ? 'anthropic' : 'openai'
      const reqText = asText(e.body) ?? ''
      const messages = (e.body as { messages?: unknown[] })?.messages
      const rec: Record_ = {
        summary: summary(s, {
          id,
          mode: 'import',
          path: e.path,
          upstreamUrl: e.path,
          protocol,
          model: (e.body as { model?: string })?.model ?? null,
          stream: false,
          status: e.status,
          state: 'completed',
          durationMs: null,
          ttfbMs: null,
          requestSize: reqText.length,
          responseSize: e.response?.length ?? 0,
          conversationId
        }),
        requestHeaders: [['content-type', 'application/json']],
        responseHeaders: e.status === null ? null : [['content-type', 'application/json']],
        statusMessage: e.status === 400 ? 'Bad Request' : '',
        requestBody: () => textBody(id, 'request', reqText),
        responseBody: () => textBody(id, 'response', e.response),
        stream: () => null,
        messages: messages?.length ?? 0
      }
      if (conversationId && !convMeta.has(conversationId)) {
        const firstUser = (messages ?? []).find((m) => (m as { role?: string }).role === 'user') as { content?: unknown } | undefined
        const title = typeof firstUser?.content === 'string' ? firstUser.content : name
        convMeta.set(conversationId, { title: title.slice(0, 120), forkOf: null, forkAt: null })
      }
      add(rec)
      imported.push(rec.summary)
    }
    // Like the core: events for the new exchanges and their conversation.
    setTimeout(() => {
      for (const e of imported) emit('exchange:upserted', e)
      const c = conversationId ? conversationOf(conversationId) : null
      if (c) emit('conversation:upserted', c)
      emit('store:status', storeStatus())
    }, 0)
    return { imported, skipped }
  }

  // ---- events ----
  function emit<E extends EventName>(event: E, payload: ApiEvents[E]): void {
    const set = listeners.get(event)
    if (!set) return
    for (const l of set) (l as (p: ApiEvents[E]) => void)(payload)
  }

  if (options.live) {
    const tick = () => {
      const s = ++seq
      const rec = generated(s)
      const final = rec.summary
      rec.summary = { ...final, state: 'pending', status: null, durationMs: null, ttfbMs: null, responseSize: 0, usage: null }
      add(rec)
      emit('exchange:upserted', rec.summary)
      timers.push(
        setTimeout(() => {
          rec.summary = { ...rec.summary, state: 'streaming', status: final.status, ttfbMs: final.ttfbMs, responseSize: 300 }
          emit('exchange:upserted', rec.summary)
        }, 300),
        setTimeout(() => {
          rec.summary = final
          emit('exchange:upserted', rec.summary)
          const c = final.conversationId ? conversationOf(final.conversationId) : null
          if (c) emit('conversation:upserted', c)
          emit('store:status', storeStatus())
        }, 1400)
      )
      timers.push(setTimeout(tick, 1200))
    }
    timers.push(setTimeout(tick, 800))
  }

  // ---- calls ----
  // Partial: a call added to the contract before the harness simulates it answers with a clear error instead of
  // breaking the typecheck of the whole repository.
  const handlers: { [K in CallName]?: (arg: CallArg<K>) => CallResults[K] } = {
    'app:info': () => ({ version: '0.1.0', dataDir: storeStatus().dataDir, shell: 'electron' }),
    'exchanges:list': (arg) => {
      const offset = arg.offset ?? 0
      const limit = arg.limit ?? 500
      return { total: records.length, offset, items: records.slice(offset, offset + limit).map((r) => r.summary) }
    },
    'exchanges:get': ({ id }) => {
      const rec = byId.get(id)
      if (!rec) return null
      const detail: ExchangeDetail = {
        summary: rec.summary,
        request: { headers: rec.requestHeaders, contentType: 'application/json' },
        response:
          rec.responseHeaders && rec.summary.state !== 'pending'
            ? {
                headers: rec.responseHeaders,
                contentType: rec.responseHeaders.find(([n]) => n === 'content-type')?.[1] ?? null,
                statusMessage: rec.statusMessage
              }
            : null
      }
      return detail
    },
    'exchanges:body': ({ id, part }) => {
      const rec = byId.get(id)
      if (!rec) throw new Error(`exchanges:body: no exchange ${id}`)
      return part === 'request' ? rec.requestBody() : rec.responseBody()
    },
    'exchanges:stream': ({ id }) => {
      const rec = byId.get(id)
      if (!rec) throw new Error(`exchanges:stream: no exchange ${id}`)
      return rec.stream ? rec.stream() : null
    },
    'exchanges:request-view': ({ id }) => {
      const rec = byId.get(id)
      return rec ? viewOf(rec) : null
    },
    'exchanges:diagnose': ({ id }) => {
      const rec = byId.get(id)
      if (!rec) return null
      if (rec.diagnosis) return rec.diagnosis()
      const view = viewOf(rec)
      return view ? diagnoseGeneric(view, rec.summary.status, rec.responseBody().text) : null
    },
    'exchanges:turn-diff': ({ id }) => {
      const rec = byId.get(id)
      const list = rec?.summary.conversationId ? (members.get(rec.summary.conversationId) ?? []) : []
      if (!rec || list.length === 0) return null
      if (rec.turnDiff) return rec.turnDiff(list.map((r) => r.summary.id))
      const base = list.filter((r) => r.summary.seq < rec.summary.seq && !failedSummary(r.summary)).pop()
      if (!base) return null
      const from = base.messages ?? 0
      const to = rec.messages ?? 0
      return {
        baseId: base.summary.id,
        changes: Array.from({ length: Math.max(0, Math.min(20, to - from)) }, (_, i) => ({
          messageIndex: from + i,
          kind: 'added' as const,
          role: (from + i) % 2 === 0 ? 'user' : 'assistant',
          description: `message ${from + i} added`
        }))
      }
    },
    'conversations:list': (arg) => {
      const offset = arg.offset ?? 0
      const limit = arg.limit ?? 500
      const all = allConversations()
      return { total: all.length, offset, items: all.slice(offset, offset + limit) }
    },
    'conversations:get': ({ id }) => {
      const summary = conversationOf(id)
      const list = members.get(id)
      if (!summary || !list) return null
      return { summary, exchanges: list.map((r) => r.summary), focusId: focusOf(list), session: null }
    },
    'import:file': ({ name, text }) => importText(name, text ?? ''),
    ...sim.handlers,
    'proxy:status': () => proxy(),
    'proxy:set-upstream': ({ profile, url }) => {
      const base = PROFILES.find((p) => p.id === profile)
      if (!base) throw new Error(`unknown profile ${profile}`)
      if (profile === 'custom') {
        if (!url) throw new Error('proxy:set-upstream: url is required for a custom upstream')
        upstream = { id: 'custom' as UpstreamProfileId, label: 'Custom', baseUrl: url }
      } else upstream = base
      const status = proxy()
      emit('proxy:status', status)
      return status
    },
    'store:status': () => storeStatus()
  }

  const api = {
    on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener as (payload: never) => void)
      return () => set.delete(listener as (payload: never) => void)
    }
  } as Record<string, unknown>
  for (const name of CALL_NAMES) {
    const handler = handlers[name] as ((a: unknown) => unknown) | undefined
    api[name] = (arg: unknown) =>
      new Promise((resolve, reject) => {
        setTimeout(() => {
          try {
            if (!handler) throw new Error(`${name}: not simulated by the UI harness`)
            resolve(handler(arg ?? null))
          } catch (err) {
            reject(err)
          }
        }, latency)
      })
  }

  return {
    api: api as unknown as InspectorApi,
    emit,
    stop() {
      for (const t of timers) clearTimeout(t)
    }
  }
}
