// Folds proxy events into exchanges: announces them live and, when one ends, hands it to the persist worker,
// which derives its model, usage and body error and stores it. Nothing heavy runs on the proxy's thread.
// A store failure (disk full, folder not writable) stops recording, never the traffic.
import { randomUUID } from 'node:crypto'
import type { ExchangeSummary } from '../../../shared/types'
import type { Store } from '../store/store'
import { detectProtocol, peekRequestMeta } from '../protocols/request-meta'
import { LiveExchange, type LiveExchangeInit } from './live-exchange'
import type { PersistInput } from './persist-job'
import { fingerprint, isSecretHeader } from './redact'

export interface RecorderHooks {
  upserted(summary: ExchangeSummary): void
  storeFailed(error: Error): void
}

/** Where finished exchanges go: the persist worker in the app, anything with the same shape in tests. */
export interface PersistSink {
  persist(input: PersistInput): Promise<import('../store/record').ExchangeRecord>
}

export class Recorder {
  private readonly live = new Map<string, LiveExchange>()
  private seq: number
  /** Keys seen in this run, by fingerprint, so a replay can use them. Memory only, never persisted. */
  readonly keyring = new Map<string, string>()
  recording = true
  lastError: string | null = null

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
      Object.assign(live.summary, peekRequestMeta(live.request.bytes()))
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
    if (!this.recording) return done({ ...live.summary })
    this.sink.persist(this.persistInput(live)).then(
      (record) => {
        this.store.index(record)
        done({ ...record.summary })
      },
      (err: Error) => {
        if (this.recording) {
          this.recording = false
          this.lastError = `recording stopped: ${err.message}`
          this.hooks.storeFailed(err)
        }
        done({ ...live.summary })
      }
    )
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

  private rememberKeys(rawHeaders: string[]): void {
    for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
      if (!isSecretHeader(rawHeaders[i])) continue
      const value = rawHeaders[i + 1].replace(/^(Bearer|Basic|Token)\s+/i, '')
      this.keyring.set(fingerprint(value), value)
    }
  }
}
