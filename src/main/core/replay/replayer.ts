// Sends a recorded request again, edited or not, to its own upstream or another, and records the result
// as an exchange linked to the original (a fork of its conversation when the history was edited). Obeys
// 429/503 with Retry-After and backoff, can be cancelled, and refuses to run the same replay twice at once.
import { createHash, randomUUID } from 'node:crypto'
import http from 'node:http'
import https from 'node:https'
import type { ReplayRequest, ReplayStarted, ReplayStatus } from '../../../shared/types'
import type { Recorder } from '../capture/recorder'
import type { LiveExchange } from '../capture/live-exchange'
import { agents, type Timeouts } from '../proxy/forward'
import { describeUpstreamError } from '../proxy/upstream-errors'
import { profileFor, upstreamUrl } from '../proxy/upstreams'
import type { Store } from '../store/store'
import type { KeyVault } from './key-vault'
import { replayHeaders } from './replay-headers'

export class ReplayError extends Error {}

const MAX_ATTEMPTS = 5
const MAX_WAIT_MS = 60_000

interface Job {
  cancelled: boolean
  abort: (() => void) | null
  wake: (() => void) | null
}

export class Replayer {
  private readonly jobs = new Map<string, Job>()
  private readonly running = new Map<string, string>()

  constructor(
    private readonly store: Store,
    private readonly recorder: Recorder,
    private readonly keys: KeyVault,
    private readonly opts: { timeouts: Timeouts; tls?: https.RequestOptions; emit: (status: ReplayStatus) => void; baseBackoffMs?: number }
  ) {}

  /** Validates and starts the replay; the result arrives as exchange and replay:status events. */
  start(req: ReplayRequest): ReplayStarted {
    const record = this.store.get(req.id)
    if (!record) throw new ReplayError(`no exchange ${req.id}`)
    const target = this.targetUrl(record.summary.upstreamUrl, record.summary.path, req.target)
    const original = record.request.body ? this.store.getBody(record.request.body) : Buffer.alloc(0)
    const body = req.body === null ? original : Buffer.from(req.body, 'utf8')
    const headers = replayHeaders(req.headers ?? record.request.headers, {
      host: target.host,
      edited: req.body !== null,
      bodyLength: body.length,
      keys: this.keys,
      typedKey: req.key
    })
    const dedupe = createHash('sha256').update(req.id).update(target.href).update(body).digest('base64url')
    if (this.running.has(dedupe)) throw new ReplayError('this replay is already running; wait for it or cancel it')
    const replayId = randomUUID()
    const job: Job = { cancelled: false, abort: null, wake: null }
    this.jobs.set(replayId, job)
    this.running.set(dedupe, replayId)
    void this.run(replayId, job, { method: record.summary.method, path: record.summary.path, target, headers, body, replayOf: req.id }).finally(() => {
      this.jobs.delete(replayId)
      this.running.delete(dedupe)
    })
    return { replayId }
  }

  cancel(replayId: string): boolean {
    const job = this.jobs.get(replayId)
    if (!job) return false
    job.cancelled = true
    job.abort?.()
    job.wake?.()
    return true
  }

  private targetUrl(recordedUrl: string, path: string, target: ReplayRequest['target']): URL {
    if (target?.profile) return upstreamUrl(profileFor(target.profile, target.url), path)
    try {
      const url = new URL(recordedUrl)
      if (url.protocol === 'http:' || url.protocol === 'https:') return url
    } catch {
      /* falls through */
    }
    throw new ReplayError('this exchange has no upstream URL (it was imported from a file): pick a target upstream')
  }

  private async run(replayId: string, job: Job, send: SendSpec): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const live = this.recorder.start({ method: send.method, path: send.path, upstreamUrl: send.target.href, mode: 'replay', rawHeaders: send.headers, replayOf: send.replayOf })
      this.opts.emit({ replayId, exchangeId: live.summary.id, state: 'sending', attempt, retryInMs: null, message: null })
      const outcome = await this.once(live, job, send)
      if (job.cancelled) return this.opts.emit({ replayId, exchangeId: live.summary.id, state: 'cancelled', attempt, retryInMs: null, message: 'cancelled' })
      if (outcome.kind === 'failed') return this.opts.emit({ replayId, exchangeId: live.summary.id, state: 'failed', attempt, retryInMs: null, message: outcome.message })
      const retry = outcome.status === 429 || outcome.status === 503
      if (!retry || attempt === MAX_ATTEMPTS) return this.opts.emit({ replayId, exchangeId: live.summary.id, state: 'done', attempt, retryInMs: null, message: `HTTP ${outcome.status}` })
      const wait = waitMs(outcome.retryAfter, attempt, this.opts.baseBackoffMs ?? 1000)
      this.opts.emit({ replayId, exchangeId: live.summary.id, state: 'waiting-retry', attempt, retryInMs: wait, message: `HTTP ${outcome.status}: retrying in ${Math.round(wait / 1000)} s` })
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait)
        job.wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      job.wake = null
      if (job.cancelled) return this.opts.emit({ replayId, exchangeId: null, state: 'cancelled', attempt, retryInMs: null, message: 'cancelled' })
    }
  }

  private once(live: LiveExchange, job: Job, send: SendSpec): Promise<Outcome> {
    return new Promise((resolve) => {
      const isHttps = send.target.protocol === 'https:'
      let settled = false
      const finish = (outcome: Outcome, state: 'completed' | 'failed' | 'aborted', error: string | null): void => {
        if (settled) return
        settled = true
        this.recorder.finish(live, state, error)
        resolve(outcome)
      }
      const attempt = (fresh: boolean): void => {
        const req = (isHttps ? https : http).request(send.target, {
          method: send.method,
          headers: send.headers,
          agent: fresh ? false : isHttps ? agents.https : agents.http,
          timeout: this.opts.timeouts.idleMs,
          ...(isHttps ? this.opts.tls : {})
        })
        job.abort = () => {
          req.destroy()
          finish({ kind: 'failed', message: 'cancelled' }, 'aborted', 'replay cancelled by the user')
        }
        req.on('timeout', () => req.destroy(Object.assign(new Error(`no data for ${this.opts.timeouts.idleMs} ms`), { code: 'INSPECTOR_TIMEOUT' })))
        req.on('error', (err: NodeJS.ErrnoException) => {
          // A kept-alive socket the upstream closed in the same instant (a replay often comes a few seconds
          // after the agent's last request, when servers drop idle connections): the request never got there.
          // Sent again once on a new connection, as Node's http docs advise for a reused socket.
          if (!fresh && req.reusedSocket && err.code === 'ECONNRESET' && live.summary.status === null && !settled) return attempt(true)
          const failure = describeUpstreamError(err, send.target)
          finish({ kind: 'failed', message: failure.message }, live.summary.status === null ? 'failed' : 'aborted', failure.message)
        })
        req.on('response', (res) => {
          live.responseHead(res.statusCode ?? 0, res.statusMessage ?? '', res.rawHeaders)
          this.recorder.responseStarted(live)
          res.on('data', (chunk: Buffer) => live.responseChunk(chunk))
          res.on('end', () => finish({ kind: 'answered', status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] ?? null }, 'completed', null))
          res.on('error', (err) => req.emit('error', err))
        })
        req.end(send.body)
      }
      live.requestChunk(send.body)
      attempt(false)
      this.recorder.requestDone(live)
    })
  }
}

interface SendSpec {
  method: string
  path: string
  target: URL
  headers: string[]
  body: Buffer
  replayOf: string
}

type Outcome = { kind: 'answered'; status: number; retryAfter: string | null } | { kind: 'failed'; message: string }

/** Retry-After (seconds or an HTTP date) when given, else exponential backoff; capped. */
export function waitMs(retryAfter: string | null, attempt: number, baseMs: number): number {
  if (retryAfter) {
    const seconds = Number(retryAfter)
    if (Number.isFinite(seconds)) return Math.min(MAX_WAIT_MS, Math.max(0, seconds * 1000))
    const date = Date.parse(retryAfter)
    if (!Number.isNaN(date)) return Math.min(MAX_WAIT_MS, Math.max(0, date - Date.now()))
  }
  return Math.min(MAX_WAIT_MS, baseMs * 2 ** (attempt - 1))
}
