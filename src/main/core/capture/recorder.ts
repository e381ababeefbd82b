// Folds proxy events into exchanges: announces them live, and when one ends derives its model, usage and
// body error off the hot path, then persists it. A store failure (disk full, folder not writable) stops
// recording, never the traffic.
import { randomUUID } from 'node:crypto'
import type { ExchangeSummary } from '../../../shared/types'
import type { Store } from '../store/store'
import type { ExchangeRecord } from '../store/record'
import { RECORD_VERSION } from '../store/record'
import { detectProtocol, requestMeta, usageOf } from '../protocols/request-meta'
import { buildMessageView } from '../protocols/stream-view'
import { decodeContent, headerValue } from './decode'
import { LiveExchange, type LiveExchangeInit } from './live-exchange'
import { fingerprint, isSecretHeader, redactBody } from './redact'

export interface RecorderHooks {
  upserted(summary: ExchangeSummary): void
  storeFailed(error: Error): void
}

export class Recorder {
  private readonly live = new Map<string, LiveExchange>()
  private seq: number
  /** Keys seen in this run, by fingerprint, so a replay can use them. Memory only, never persisted. */
  readonly keyring = new Map<string, string>()
  recording = true
  lastError: string | null = null

  constructor(private readonly store: Store, private readonly hooks: RecorderHooks) {
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

  /** The request body is complete: read model and stream flag beside the traffic, not in front of it. */
  requestDone(live: LiveExchange): void {
    setImmediate(() => {
      const meta = requestMeta(live.request.bytes().toString('utf8'))
      live.summary.model = meta.model
      live.summary.stream = meta.stream
      live.summary.requestSize = live.request.size
      if (!live.ended) this.hooks.upserted({ ...live.summary })
    })
  }

  responseStarted(live: LiveExchange): void {
    this.hooks.upserted({ ...live.summary })
  }

  finish(live: LiveExchange, state: 'completed' | 'failed' | 'aborted', error: string | null = null): void {
    if (live.ended) return
    live.end(state, error)
    setImmediate(() => this.persist(live))
  }

  getLive(id: string): LiveExchange | undefined {
    return this.live.get(id)
  }

  liveSummaries(): ExchangeSummary[] {
    return [...this.live.values()].map((l) => ({ ...l.summary }))
  }

  private persist(live: LiveExchange): void {
    const s = live.summary
    if (s.model === null && live.request.kept > 0) {
      const meta = requestMeta(live.request.bytes().toString('utf8'))
      s.model = meta.model
      s.stream = meta.stream
    }
    s.usage = this.usageFrom(live)
    try {
      if (this.recording) this.store.append(this.toRecord(live))
    } catch (err) {
      this.recording = false
      this.lastError = `recording stopped: ${(err as Error).message}`
      this.hooks.storeFailed(err as Error)
    }
    this.live.delete(s.id)
    this.hooks.upserted({ ...s })
  }

  private usageFrom(live: LiveExchange): ExchangeSummary['usage'] {
    if (!live.responseHeaders || live.response.kept === 0) return null
    try {
      const decoded = decodeContent(live.response.bytes(), headerValue(live.responseHeaders, 'content-encoding'))
      if (!decoded.bytes) return null
      const message = buildMessageView(live.summary.protocol, decoded.bytes.toString('utf8'), headerValue(live.responseHeaders, 'content-type'))
      return usageOf(message)
    } catch {
      return null
    }
  }

  private toRecord(live: LiveExchange): ExchangeRecord {
    const store = this.store
    const req = live.request
    const res = live.response
    return {
      v: RECORD_VERSION,
      summary: { ...live.summary },
      request: {
        headers: live.requestHeaders,
        body: req.kept > 0 ? store.putBody(redactBody(req.bytes())) : null,
        bodyCut: req.cut
      },
      response: live.responseHeaders
        ? {
            statusMessage: live.statusMessage,
            headers: live.responseHeaders,
            body: res.kept > 0 ? store.putBody(redactBody(res.bytes())) : null,
            bodyCut: res.cut,
            chunkTimes: live.chunkTimes.length > 0 ? store.putBody(Buffer.from(JSON.stringify(live.chunkTimes))) : null
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
