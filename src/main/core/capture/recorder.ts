// Folds proxy events into exchanges: announces them live and, when one ends, hands it to the persist worker,
// which derives its model, usage and body error and stores it. Nothing heavy runs on the proxy's thread.
// A store failure (disk full, folder not writable) stops recording, never the traffic.
import { randomUUID } from 'node:crypto'
import type { ExchangeSummary } from '../../../shared/types'
import type { Store } from '../store/store'
import type { ExchangeRecord } from '../store/record'
import { detectProtocol, PEEK_BYTES, peekRequestMeta } from '../protocols/request-meta'
import { LiveExchange, type LiveExchangeInit } from './live-exchange'
import type { PersistInput } from './persist-job'
import { fingerprint, isSecretHeader, redactHeaders, redactPath, redactUrl } from './redact'
import type { CaptureMode, HeaderList } from '../../../shared/types'

/** An exchange from outside the proxy: imported from a file, or sent by a replay. */
export interface ExternalExchange {
  mode: CaptureMode
  startedAt: string
  method: string
  path: string
  url: string
  requestHeaders: HeaderList
  requestBody: Buffer
  response: { status: number; statusMessage: string; headers: HeaderList; body: Buffer; chunkTimes?: number[] } | null
  error?: string | null
  durationMs?: number | null
  ttfbMs?: number | null
  replayOf?: string | null
  /** An import that copies this recorded exchange (import/duplicates.ts). */
  duplicateOf?: string | null
}

export interface RecorderHooks {
  upserted(summary: ExchangeSummary): void
  /** A record was stored and indexed. */
  recorded(record: ExchangeRecord): void
  storeFailed(error: Error): void
}

/** Where finished exchanges go: the persist worker in the app, anything with the same shape in tests. */
export interface PersistSink {
  persist(input: PersistInput): Promise<ExchangeRecord>
}

const UNSAVED_KEPT = 10_000

export class Recorder {
  private readonly live = new Map<string, LiveExchange>()
  private seq: number
  /** Keys seen in this run, by fingerprint, so a replay can use them. Memory only, never persisted. */
  readonly keyring = new Map<string, string>()
  recording = true
  lastError: string | null = null
  /** Exchanges that ended while recording was stopped: still listed (summaries only) for this run. */
  readonly unsaved: ExchangeSummary[] = []

  constructor(
    private readonly store: Store,
    private readonly sink: PersistSink,
    private readonly hooks: RecorderHooks
  ) {
    this.seq = store.nextSeq
  }

  start(init: Omit<LiveExchangeInit, 'id' | 'seq'>): LiveExchange {
    const live = new LiveExchange({ ...init, id: randomUUID(), seq: this.seq++ })
    live.summary.protocol = detectProtocol(init.path)
    this.rememberKeys(init.rawHeaders)
    this.live.set(live.summary.id, live)
    this.hooks.upserted({ ...live.summary })
    return live
  }

  /** The request body is complete: show its model in the list (a cheap peek; the exact value comes on store). */
  requestDone(live: LiveExchange): void {
    setImmediate(() => {
      if (live.ended || live.request.kept === 0) return
      Object.assign(live.summary, peekRequestMeta(live.request.ends(PEEK_BYTES) ?? live.request.bytes()))
      live.summary.requestSize = live.request.size
      this.hooks.upserted({ ...live.summary })
    })
  }

  responseStarted(live: LiveExchange): void {
    this.hooks.upserted({ ...live.summary })
  }

  finish(live: LiveExchange, state: 'completed' | 'failed' | 'aborted', error: string | null = null): void {
    if (live.ended) return
    live.end(state, error)
    const done = (summary: ExchangeSummary): void => {
      this.live.delete(summary.id)
      this.hooks.upserted(summary)
    }
    const unsaved = (): void => {
      const summary = { ...live.summary }
      this.unsaved.push(summary)
      if (this.unsaved.length > UNSAVED_KEPT) this.unsaved.shift()
      done(summary)
    }
    if (!this.recording) return unsaved()
    this.sink.persist(this.persistInput(live)).then(
      (record) => {
        this.store.index(record)
        this.hooks.recorded(record)
        done({ ...record.summary })
      },
      (err: Error) => {
        if (this.recording) {
          this.recording = false
          this.lastError = `recording stopped: ${err.message}`
          this.hooks.storeFailed(err)
        }
        unsaved()
      }
    )
  }

  /** Stores an exchange that did not pass through the proxy (an imported file, later a replay). */
  async recordExternal(entry: ExternalExchange): Promise<ExchangeSummary> {
    if (!this.recording) throw new Error(`${this.lastError ?? 'recording stopped'}: nothing can be stored until the app restarts with a writable data folder`)
    const summary: ExchangeSummary = {
      id: randomUUID(),
      seq: this.seq++,
      startedAt: entry.startedAt,
      method: entry.method,
      path: redactPath(entry.path),
      upstreamUrl: redactUrl(entry.url),
      mode: entry.mode,
      protocol: detectProtocol(entry.path),
      model: null,
      stream: false,
      state: entry.response ? 'completed' : entry.error ? 'failed' : 'completed',
      status: entry.response?.status ?? null,
      error: entry.error ?? null,
      durationMs: entry.durationMs ?? null,
      ttfbMs: entry.ttfbMs ?? null,
      requestSize: entry.requestBody.length,
      responseSize: entry.response?.body.length ?? 0,
      usage: null,
      conversationId: null
    }
    const own = (b: Buffer): Uint8Array | null => (b.length ? new Uint8Array(b) : null)
    const record = await this.sink.persist({
      summary,
      requestHeaders: redactHeaders(entry.requestHeaders),
      request: { bytes: own(entry.requestBody), cut: false },
      response: entry.response
        ? { statusMessage: entry.response.statusMessage, headers: redactHeaders(entry.response.headers), bytes: own(entry.response.body), cut: false, chunkTimes: entry.response.chunkTimes ?? [] }
        : null,
      replayOf: entry.replayOf ?? null,
      duplicateOf: entry.duplicateOf ?? null,
      join: this.joinOf(entry.replayOf ?? entry.duplicateOf ?? null)
    })
    this.store.index(record)
    this.hooks.recorded(record)
    this.hooks.upserted({ ...record.summary })
    return record.summary
  }

  getLive(id: string): LiveExchange | undefined {
    return this.live.get(id)
  }

  liveSummaries(): ExchangeSummary[] {
    return [...this.live.values()].map((l) => ({ ...l.summary }))
  }

  private persistInput(live: LiveExchange): PersistInput {
    return {
      summary: { ...live.summary },
      requestHeaders: live.requestHeaders,
      replayOf: live.replayOf,
      join: this.joinOf(live.replayOf),
      request: { bytes: live.request.ownCopy(), cut: live.request.cut },
      response: live.responseHeaders
        ? {
            statusMessage: live.statusMessage,
            headers: live.responseHeaders,
            bytes: live.response.ownCopy(),
            cut: live.response.cut,
            chunkTimes: live.chunkTimes
          }
        : null
    }
  }

  /** A replay or a copy is a branch of its original's conversation, in its session, never a new thread. */
  private joinOf(originalId: string | null): PersistInput['join'] {
    if (!originalId) return null
    const original = this.store.get(originalId)?.summary
    return original ? { conversationId: original.conversationId, sessionId: original.sessionId ?? null } : null
  }

  private rememberKeys(rawHeaders: string[]): void {
    for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
      if (!isSecretHeader(rawHeaders[i])) continue
      const value = rawHeaders[i + 1].replace(/^(Bearer|Basic|Token)\s+/i, '')
      this.keyring.set(fingerprint(value), value)
    }
  }
}
