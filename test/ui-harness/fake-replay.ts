// The harness's replay, minimize, export, key and forward-proxy calls: timers that walk through the states the
// core reports (sending → streaming → done, a 429 with a retry, minimize progress, cancel), so the UI can be
// looked at without the core. Runs in the browser or in Node; no DOM use.
import { strToU8, zipSync } from 'fflate'
import type { ApiEvents, CallArg, CallName, CallResults, EventName } from '../../src/shared/api'
import type { BodyView, ExchangeSummary, HeaderList, KeyStatus, MinimizeStatus, MitmStatus, ProxyStatus, StreamView } from '../../src/shared/types'
import { fakeEdit, fakeFix } from './fake-edits'
import { anthropicStream, openaiStream } from './fake-streams'

export interface FakeRecordLike {
  summary: ExchangeSummary
  requestHeaders: HeaderList
  responseHeaders: HeaderList | null
  statusMessage: string
  requestBody: () => BodyView
  responseBody: () => BodyView
  stream: (() => StreamView | null) | null
  messages?: number
}

export interface ReplayHost {
  get(id: string): FakeRecordLike | undefined
  /** A new exchange id and seq. */
  next(): { seq: number; id: string }
  summary(seq: number, over: Partial<ExchangeSummary>): ExchangeSummary
  textBody(id: string, part: 'request' | 'response', text: string | null): BodyView
  /** Store a new exchange (in its conversation) and tell the UI. */
  add(rec: FakeRecordLike): void
  /** The record changed: tell the UI (exchange and its conversation). */
  changed(rec: FakeRecordLike): void
  emit<E extends EventName>(event: E, payload: ApiEvents[E]): void
  proxy(): ProxyStatus
  timers: Array<ReturnType<typeof setTimeout>>
}

type Handlers = { [K in CallName]?: (arg: CallArg<K>) => CallResults[K] }

const fp = (key: string): string => `${key.slice(0, 3)}…${key.slice(-4)}`

export function createReplaySim(host: ReplayHost, options: { mitmOn?: boolean } = {}): { handlers: Handlers; mitm: () => MitmStatus | null } {
  const keys = new Set<string>(['sk-…3f9a'])
  const keyStatus = (): KeyStatus => ({ fingerprints: [...keys], canPersist: true })
  const later = (ms: number, fn: () => void): void => void host.timers.push(setTimeout(fn, ms))

  // ---- replays ----
  const replays = new Map<string, { cancelled: boolean; current: FakeRecordLike | null }>()

  function attempt(replayId: string, from: FakeRecordLike, body: string, target: string, n: number, rateLimited: boolean): void {
    const job = replays.get(replayId)
    if (!job || job.cancelled) return
    const { seq, id } = host.next()
    const protocol = from.summary.protocol === 'openai' ? 'openai' : 'anthropic'
    const usage = { inputTokens: Math.round(body.length / 4), outputTokens: 86, cacheReadTokens: 0, reasoningTokens: protocol === 'openai' ? 31 : null }
    const build = (cut?: number) =>
      protocol === 'openai'
        ? openaiStream({ id: `replay${seq}`, model: from.summary.model ?? 'mimo-v2.5', reasoning: 'The history is complete now; read main.ts.', content: 'main.ts prints "hi" and exits.', toolCalls: [], usage, finishReason: 'stop' })
        : anthropicStream({ id: `replay${seq}`, model: from.summary.model ?? 'mimo-v2.5-pro', thinking: 'The history is complete now; answer from the file.', signature: 'EqQBCkYIBxgCKkBk2m9qg7cT0b3l0w2Rk3xg0RzC', text: 'main.ts prints "hi" and exits.', usage, stopReason: 'end_turn', ...(cut !== undefined ? { cutAfterBlocks: cut } : {}) })
    const full = build()
    const partial = build(1)
    const limited = JSON.stringify({ error: { code: '429', message: 'Too many requests', type: 'limitation' } })
    let phase: 'pending' | 'streaming' | 'done' = 'pending'
    const rec: FakeRecordLike = {
      summary: host.summary(seq, {
        id,
        mode: 'replay',
        path: from.summary.path,
        upstreamUrl: target,
        protocol: from.summary.protocol,
        model: from.summary.model,
        stream: true,
        state: 'pending',
        status: null,
        durationMs: null,
        ttfbMs: null,
        requestSize: body.length,
        responseSize: 0,
        usage: null,
        conversationId: from.summary.conversationId
      }),
      requestHeaders: from.requestHeaders,
      responseHeaders: null,
      statusMessage: '',
      requestBody: () => host.textBody(id, 'request', body),
      responseBody: () => host.textBody(id, 'response', rateLimited ? limited : phase === 'done' ? full.text : partial.text),
      stream: () => (rateLimited ? null : phase === 'done' ? full.view : partial.view),
      messages: from.messages
    }
    job.current = rec
    host.add(rec)
    host.emit('replay:status', { replayId, exchangeId: id, state: 'sending', attempt: n, retryInMs: null, message: null })
    later(350, () => {
      if (job.cancelled) return
      phase = 'streaming'
      rec.responseHeaders = [['content-type', rateLimited ? 'application/json' : 'text/event-stream']]
      rec.statusMessage = rateLimited ? 'Too Many Requests' : 'OK'
      rec.summary = { ...rec.summary, state: 'streaming', status: rateLimited ? 429 : 200, ttfbMs: 340, responseSize: rateLimited ? limited.length : partial.text.length }
      host.changed(rec)
    })
    later(rateLimited ? 500 : 1600, () => {
      if (job.cancelled) return
      phase = 'done'
      rec.summary = { ...rec.summary, state: 'completed', durationMs: rateLimited ? 480 : 1580, responseSize: rateLimited ? limited.length : full.text.length, usage: rateLimited ? null : usage }
      host.changed(rec)
      if (rateLimited) {
        const wait = 3000
        host.emit('replay:status', { replayId, exchangeId: id, state: 'waiting-retry', attempt: n, retryInMs: wait, message: `HTTP 429: retrying in ${wait / 1000} s` })
        later(wait, () => attempt(replayId, from, body, target, n + 1, false))
        return
      }
      host.emit('replay:status', { replayId, exchangeId: id, state: 'done', attempt: n, retryInMs: null, message: 'HTTP 200' })
      replays.delete(replayId)
    })
  }

  // ---- minimize ----
  const jobs = new Map<string, { cancelled: boolean }>()

  function minimalBody(text: string): { body: string; removed: string[] } {
    const body = JSON.parse(text) as { messages?: unknown[]; system?: unknown; tools?: unknown[] }
    const ms = body.messages ?? []
    const removed: string[] = []
    if (ms.length > 3) {
      removed.push(`removed messages 3–${ms.length - 1} (${ms.length - 3} messages)`)
      body.messages = ms.slice(0, 3)
    }
    if (body.system !== undefined) (delete body.system, removed.push('removed system'))
    if (Array.isArray(body.tools) && body.tools.length > 1) (removed.push(`removed ${body.tools.length - 1} of ${body.tools.length} tools`), (body.tools = body.tools.slice(0, 1)))
    removed.push('shortened 2 text blocks to 1 character')
    return { body: JSON.stringify(body, null, 2), removed }
  }

  // ---- forward proxy ----
  let mitm: MitmStatus | null = null
  const mitmStatus = (port: number, captureHosts: string[], error: string | null = null): MitmStatus => {
    const url = `http://127.0.0.1:${port}`
    const ca = '/home/dev/.local/share/mimo-inspector/ca/mimo-inspector-ca.pem'
    const bundle = '/home/dev/.local/share/mimo-inspector/ca/bundle.pem'
    return {
      host: '127.0.0.1',
      port,
      listening: error === null,
      error,
      url,
      caPath: ca,
      bundlePath: bundle,
      captureHosts,
      envLines: [
        { label: 'Send HTTPS through the inspector (only capture-list hosts are decrypted; the rest is tunnelled as is)', line: `HTTPS_PROXY=${url}` },
        { label: 'Plain-HTTP requests too', line: `HTTP_PROXY=${url}` },
        { label: 'Local addresses go direct', line: 'NO_PROXY=localhost,127.0.0.1' },
        { label: "Node agents (Claude Code, OpenCode, ...): trust the inspector's CA on top of the built-in roots", line: `NODE_EXTRA_CA_CERTS=${ca}` },
        { label: "Node's own fetch ignores HTTPS_PROXY without this (honoured by Node 22.21+ and 24.5+)", line: 'NODE_USE_ENV_PROXY=1' },
        { label: "OpenSSL-based tools (Python, Rust, Go on Linux): the system roots plus the inspector's CA", line: `SSL_CERT_FILE=${bundle}` },
        { label: 'curl', line: `CURL_CA_BUNDLE=${bundle}` },
        { label: 'Python requests / httpx', line: `REQUESTS_CA_BUNDLE=${bundle}` }
      ],
      lastClientTlsError: null
    }
  }
  if (options.mitmOn) {
    mitm = mitmStatus(8789, ['*.xiaomimimo.com'])
    mitm.lastClientTlsError = 'api.xiaomimimo.com: the client hung up without a request (socket hang up); does it trust /home/dev/.local/share/mimo-inspector/ca/mimo-inspector-ca.pem?'
  }
  const proxyChanged = (): ProxyStatus => {
    const status = host.proxy()
    host.emit('proxy:status', status)
    return status
  }

  const handlers: Handlers = {
    'replay:apply-fix': ({ id, fixId, body }) => fakeFix(fixId, host.get(id)?.summary.protocol ?? 'unknown', body),
    'replay:edit': ({ id, body, op }) => fakeEdit(host.get(id)?.summary.protocol ?? 'unknown', body, op),
    'replay:send': ({ id, body, target, key }) => {
      const from = host.get(id)
      if (!from) throw new Error(`no exchange ${id}`)
      if (key) keys.add(fp(key))
      const recorded = from.requestHeaders.find(([n]) => /^(authorization|x-api-key|api-key)$/i.test(n))?.[1].replace(/^Bearer\s+/i, '')
      if (recorded && !keys.has(recorded) && !key) throw new Error(`the key ${recorded} was not seen in this run: type it in once to replay (it stays in memory)`)
      if (!recorded && !key && keys.size === 0) throw new Error('this request carried no key and none was typed: type one in to replay')
      if (from.summary.mode === 'import' && !target?.profile) throw new Error('this exchange has no upstream URL (it was imported from a file): pick a target upstream')
      const text = body ?? from.requestBody().text ?? ''
      const base = target?.profile === 'custom' ? (target.url ?? '') : target?.profile ? (host.proxy().profiles.find((p) => p.id === target.profile)?.baseUrl ?? '') : null
      const url = base === null ? from.summary.upstreamUrl : `${base.replace(/\/$/, '')}${from.summary.path}`
      const replayId = `replay-${Math.random().toString(36).slice(2, 10)}`
      replays.set(replayId, { cancelled: false, current: null })
      // A Token Plan target answers 429 once, to show the wait and the retry.
      setTimeout(() => attempt(replayId, from, text, url, 1, target?.profile === 'mimo-token-plan'), 0)
      return { replayId }
    },
    'replay:cancel': ({ replayId }) => {
      const job = replays.get(replayId)
      if (!job) return { cancelled: false }
      job.cancelled = true
      const rec = job.current
      if (rec && rec.summary.state !== 'completed') {
        rec.summary = { ...rec.summary, state: 'aborted', error: 'replay cancelled by the user' }
        host.changed(rec)
      }
      setTimeout(() => host.emit('replay:status', { replayId, exchangeId: rec?.summary.id ?? null, state: 'cancelled', attempt: 1, retryInMs: null, message: 'cancelled' }), 0)
      replays.delete(replayId)
      return { cancelled: true }
    },
    'keys:set': ({ key }) => {
      keys.add(fp(key))
      return keyStatus()
    },
    'keys:status': () => keyStatus(),
    'repro:minimize': ({ id, mode, budget }) => {
      const rec = host.get(id)
      if (!rec) throw new Error(`no exchange ${id}`)
      const text = rec.requestBody().text
      if (!text) throw new Error('the request body is not a JSON object')
      if (mode === 'upstream' && (rec.summary.status ?? 0) < 400 && !rec.summary.bodyError) throw new Error('this exchange did not fail: there is no failure to keep while shrinking it')
      const jobId = `job-${Math.random().toString(36).slice(2, 10)}`
      const job = { cancelled: false }
      jobs.set(jobId, job)
      const { body, removed } = minimalBody(text)
      const originalBytes = text.length
      const originalMessages = rec.messages ?? 0
      const total = mode === 'predicted' ? 4 : Math.min(budget ?? 60, 14)
      const bytesAt = (i: number): number => Math.round(body.length + (originalBytes - body.length) * Math.pow(0.55, i))
      const emit = (s: Omit<MinimizeStatus, 'jobId' | 'exchangeId'>): void => host.emit('repro:progress', { jobId, exchangeId: id, ...s })
      const outcome = (used: number, final: boolean) => ({
        body: final ? body : text,
        requestText: final ? body : text,
        removed: final ? removed : removed.slice(0, 1),
        requestsUsed: used,
        originalBytes,
        bytes: final ? body.length : bytesAt(used),
        oneMinimal: final,
        mode,
        stopReason: null
      })
      emit({ state: 'running', progress: null, result: null, message: mode === 'predicted' ? null : 'waiting for other runs against this upstream' })
      const tick = (i: number): void => {
        if (job.cancelled) return
        if (rec.summary.status === 401) {
          emit({ state: 'stopped', progress: null, result: outcome(i, false), message: 'the endpoint answered 401 (auth) instead of the original error: stopped, the key is not valid for this target' })
          return
        }
        if (i >= total) {
          const capped = mode === 'upstream' && (budget ?? 60) <= total
          emit({ state: 'done', progress: null, result: outcome(i, true), message: capped ? `budget of ${budget} requests used up; this is the smallest found so far` : null })
          jobs.delete(jobId)
          return
        }
        emit({
          state: 'running',
          progress: { phase: i < 4 ? 'dropping messages' : i < 9 ? 'dropping blocks' : 'shortening texts', requestsUsed: i + 1, budget: mode === 'predicted' ? total : (budget ?? 60), originalBytes, currentBytes: bytesAt(i + 1), messages: Math.max(3, Math.round(originalMessages * Math.pow(0.5, i + 1))), originalMessages },
          result: null,
          message: null
        })
        later(mode === 'predicted' ? 40 : 260, () => tick(i + 1))
      }
      later(mode === 'predicted' ? 20 : 300, () => tick(0))
      const cancel = (): void => {
        job.cancelled = true
        emit({ state: 'cancelled', progress: null, result: outcome(2, false), message: 'cancelled; this is the smallest failing request found so far' })
      }
      cancels.set(jobId, cancel)
      return { jobId }
    },
    'repro:cancel': ({ jobId }) => {
      const cancel = cancels.get(jobId)
      if (!cancel || !jobs.has(jobId)) return { cancelled: false }
      jobs.delete(jobId)
      setTimeout(cancel, 0)
      return { cancelled: true }
    },
    'repro:export': ({ id, minimalBody: minimal, removed, minimizedBy }) => {
      const rec = host.get(id)
      if (!rec) throw new Error(`no exchange ${id}`)
      const original = rec.requestBody().text ?? ''
      const dir = `mimo-repro-${rec.summary.startedAt.replace(/[:.]/g, '-').slice(0, 19)}`
      const files: Record<string, string> = {
        'README.md': `# MiMo repro\n\n${minimizedBy ? `Minimized (${minimizedBy}); removed:\n${(removed ?? []).map((r) => `- ${r}`).join('\n')}\n` : 'Not minimized.\n'}`,
        'request.json': minimal ?? original,
        'request.original.json': original,
        'response.json': rec.responseBody().text ?? '',
        'curl.sh': `curl -sS ${rec.summary.upstreamUrl} -H 'content-type: application/json' -H "x-api-key: $MIMO_API_KEY" --data @request.json\n`,
        'repro.mjs': "const res = await fetch(process.argv[2], { method: 'POST' })\nconsole.log(res.status)\n",
        'conversation.har': JSON.stringify({ log: { version: '1.2', entries: [] } })
      }
      const zipped = zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [`${dir}/${n}`, strToU8(t)])))
      let binary = ''
      for (let i = 0; i < zipped.length; i += 0x8000) binary += String.fromCharCode(...zipped.subarray(i, i + 0x8000))
      return { fileName: `${dir}.zip`, zipBase64: btoa(binary), files: Object.keys(files).map((n) => `${dir}/${n}`) }
    },
    'proxy:set-mitm': ({ enabled, port, captureHosts }) => {
      if (!enabled) {
        mitm = null
        return proxyChanged()
      }
      const hosts = captureHosts ?? mitm?.captureHosts ?? ['*.xiaomimimo.com']
      for (const h of hosts) if (!/^(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(h)) throw new Error(`"${h}" is not a capture pattern; use a host (api.example.com), a host:port, or *.example.com`)
      const p = port ?? mitm?.port ?? 8789
      mitm = p === 8788 ? mitmStatus(p, hosts, 'listen EADDRINUSE: address already in use 127.0.0.1:8788') : mitmStatus(p === 0 ? 43117 : p, hosts)
      return proxyChanged()
    },
    'proxy:regenerate-ca': () => {
      if (!mitm) throw new Error('turn the forward proxy on first')
      mitm = { ...mitm, lastClientTlsError: null }
      return proxyChanged()
    }
  }
  const cancels = new Map<string, () => void>()
  return { handlers, mitm: () => mitm }
}
