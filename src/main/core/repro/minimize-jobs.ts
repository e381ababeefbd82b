// Minimize runs in the app: one job per request, progress as events, cancel keeping the best so far, and
// never two requests at once to the same upstream (jobs against one origin wait for each other).
import { randomUUID } from 'node:crypto'
import type https from 'node:https'
import type { Diagnosis, MinimizeOutcome, MinimizeStatus, ReplayTarget } from '../../../shared/types'
import type { Timeouts } from '../proxy/forward'
import { profileFor, upstreamUrl } from '../proxy/upstreams'
import type { KeyVault } from '../replay/key-vault'
import type { ExchangeRecord } from '../store/record'
import { DEFAULT_BUDGET, errorFingerprint, minimize, predictedOracle, predictedTarget, type MinimizeResult } from './minimize'
import { upstreamOracle } from './upstream-oracle'
import { candidateBytes } from './minimize/session'
import { replayHeaders } from '../replay/replay-headers'

export class MinimizeError extends Error {}

export interface MinimizeJobInput {
  record: ExchangeRecord
  body: unknown
  responseText: string | null
  diagnosis: Diagnosis | null
  mode: 'upstream' | 'predicted'
  budget?: number
  target: ReplayTarget | null
  key: string | null
}

interface Plan {
  /** The fingerprint every smaller candidate must keep. */
  target: string
  oracle: (candidate: Record<string, unknown>) => Promise<{ fingerprint: string }>
  /** Runs in one lane (one upstream origin) go one after another. */
  lane: string
}

/** A finished run's result, kept for `repro:export` by job id (the last few runs). */
export interface MinimizeJobResult {
  exchangeId: string
  outcome: MinimizeOutcome
}

const RESULTS_KEPT = 20

export class MinimizeJobs {
  private readonly jobs = new Map<string, AbortController>()
  private readonly lanes = new Map<string, Promise<unknown>>()
  private readonly results = new Map<string, MinimizeJobResult>()

  constructor(private readonly opts: { keys: KeyVault; timeouts: Timeouts; tls?: https.RequestOptions; emit: (s: MinimizeStatus) => void; baseBackoffMs?: number }) {}

  start(input: MinimizeJobInput): { jobId: string } {
    const s = input.record.summary
    if (s.protocol === 'unknown') throw new MinimizeError('only Anthropic or OpenAI chat requests can be minimized')
    if (!input.body || typeof input.body !== 'object' || Array.isArray(input.body)) throw new MinimizeError('the request body is not a JSON object')
    const controller = new AbortController()
    const plan = input.mode === 'predicted' ? this.predictedPlan(input) : this.upstreamPlan(input, controller.signal)
    return this.run(s.id, input.body as Record<string, unknown>, s.protocol, plan, input, controller)
  }

  private predictedPlan(input: MinimizeJobInput): Plan {
    if (!input.diagnosis) throw new MinimizeError('no diagnosis to predict with')
    const target = predictedTarget(input.diagnosis)
    if (!target) throw new MinimizeError('the rules explain nothing in this request, so there is nothing to predict: minimize against the endpoint instead')
    // Offline runs touch no upstream; each gets a lane of its own.
    return { target, oracle: predictedOracle(input.record.summary.protocol as 'anthropic' | 'openai', input.diagnosis), lane: `predicted:${randomUUID()}` }
  }

  private upstreamPlan(input: MinimizeJobInput, signal: AbortSignal): Plan {
    const s = input.record.summary
    if ((s.status === null || s.status < 400) && !input.diagnosis?.error) throw new MinimizeError('this exchange did not fail: there is no failure to keep while shrinking it')
    const url = this.targetUrl(s.upstreamUrl, s.path, input.target)
    const contentType = input.record.response?.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? null
    // A missing key is the user's to fix now, not a failure twenty requests in.
    replayHeaders(input.record.request.headers, { host: url.host, edited: true, bodyLength: 0, keys: this.opts.keys, typedKey: input.key })
    return {
      target: errorFingerprint(s.status, input.responseText, contentType),
      oracle: upstreamOracle({ target: url, method: s.method, recordedHeaders: input.record.request.headers, keys: this.opts.keys, typedKey: input.key, timeouts: this.opts.timeouts, tls: this.opts.tls, signal, baseBackoffMs: this.opts.baseBackoffMs }),
      lane: url.origin
    }
  }

  /** The result of a finished (or stopped, or cancelled) run; undefined while it runs or once forgotten. */
  result(jobId: string): MinimizeJobResult | undefined {
    return this.results.get(jobId)
  }

  cancel(jobId: string): boolean {
    const c = this.jobs.get(jobId)
    if (!c) return false
    c.abort()
    return true
  }

  private targetUrl(recordedUrl: string, path: string, target: ReplayTarget | null): URL {
    if (target?.profile) return upstreamUrl(profileFor(target.profile, target.url), path)
    try {
      const url = new URL(recordedUrl)
      if (url.protocol === 'http:' || url.protocol === 'https:') return url
    } catch {
      /* falls through */
    }
    throw new MinimizeError('this exchange has no upstream URL (it was imported): pick a target upstream, or minimize "predicted"')
  }

  private run(exchangeId: string, body: Record<string, unknown>, protocol: 'anthropic' | 'openai', plan: Plan, input: MinimizeJobInput, controller: AbortController): { jobId: string } {
    const { target, oracle, lane } = plan
    const jobId = randomUUID()
    this.jobs.set(jobId, controller)
    const emit = (state: MinimizeStatus['state'], progress: MinimizeStatus['progress'], result: MinimizeOutcome | null, message: string | null): void =>
      this.opts.emit({ jobId, exchangeId, state, progress, result, message })
    const outcome = (r: MinimizeResult): MinimizeOutcome => ({
      body: JSON.stringify(r.body, null, 2),
      requestText: candidateBytes(r.body),
      removed: r.removed,
      requestsUsed: r.requestsUsed,
      originalBytes: r.originalBytes,
      bytes: r.bytes,
      oneMinimal: r.oneMinimal,
      mode: input.mode,
      stopReason: r.stopReason
    })
    emit('running', null, null, lane.startsWith('predicted') ? null : 'waiting for other runs against this upstream')
    const previous = this.lanes.get(lane) ?? Promise.resolve()
    const job = previous
      .catch(() => undefined)
      .then(() =>
        minimize({
          protocol,
          body,
          target,
          oracle,
          budget: input.budget ?? DEFAULT_BUDGET,
          culpritIndex: input.diagnosis?.culprit?.messageIndex ?? null,
          signal: controller.signal,
          onProgress: (p) => emit('running', p, null, null)
        })
      )
      .then(
        (r) => {
          const state = r.stoppedBecause === 'cancelled' ? 'cancelled' : r.stoppedBecause === 'stopped' ? 'stopped' : 'done'
          const message = r.stoppedBecause === 'budget' ? `budget of ${input.budget ?? DEFAULT_BUDGET} requests used up; this is the smallest found so far` : r.stopReason
          const done = outcome(r)
          this.results.set(jobId, { exchangeId, outcome: done })
          while (this.results.size > RESULTS_KEPT) this.results.delete(this.results.keys().next().value as string)
          emit(state, null, done, message)
        },
        (err: Error) => emit('failed', null, null, err.message)
      )
      .finally(() => {
        this.jobs.delete(jobId)
        if (this.lanes.get(lane) === job) this.lanes.delete(lane)
      })
    this.lanes.set(lane, job)
    return { jobId }
  }
}
