// Folds proxy events into exchanges: announces them live and, when one ends, hands it to the persist worker,
// which derives its model, usage and body error and stores it. Nothing heavy runs on the proxy's thread.
// A store failure (disk full, folder not writable) stops recording, never the traffic.
import { randomUUID } from 'node:crypto'
import type { ExchangeSummary } from '../../../shared/types'
import type { Store } from '../store/store'
import type { ExchangeRecord } from '../store/record'
import { detectProtocol, PEEK_BYTES, peekRequestMeta } from '../protocols/request-meta'
import { LiveExchange, type LiveExchangeInit } from './live-exchange'
import { ownParts, type PersistWire } from './persist-wire'
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
  /** The memory in `transfer` moves with the input: the caller must not touch it again. */
  persist(input: PersistWire, transfer: ArrayBuffer[]): Promise<ExchangeRecord>
}

/** Per body: no write of its chunks is pending any more, so their memory may move to the worker uncopied. */
export interface BodiesFree {
  request: boolean
  response: boolean
}

const NOTHING_FREE: BodiesFree = { request: false, response: false }

const UNSAVED_KEPT = 10_000
/** One display frame. */
export const ANNOUNCE_EVERY_MS = 16

export class Recorder {
  private readonly live = new Map<string, LiveExchange>()
  private seq: number
  /** Keys seen in this run, by fingerprint, so a replay can use them. Memory only, never persisted. */
  readonly keyring = new Map<string, string>()
  recording = true
  lastError: string | null = null
  /** Exchanges that ended while recording was stopped: still listed (summaries only) for this run. */
  readonly unsaved: ExchangeSummary[] = []
  private readonly announcing = new Map<string, LiveExchange>()
  /** Exchanges whose request body is complete and whose model the list has not been told yet. */
  private readonly peekDue = new WeakSet<LiveExchange>()
  /** Exchanges whose bodies have moved to the worker, until they are stored. */
  private readonly persisting = new Map<string, Promise<void>>()
  /** Ended exchanges waiting for the proxy to finish writing their bodies. */
  private readonly releasing = new Set<Promise<void>>()
  /** Exchanges handed to the sink and not yet stored. */
  private readonly storing = new Set<Promise<void>>()

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
    this.announce(live)
    return live
  }

  /**
   * The request body is complete: the list shows its model, from a cheap peek made when the update goes out
   * (the exact value comes on store); an exchange that ends first never needs it.
   */
  requestDone(live: LiveExchange): void {
    this.peekDue.add(live)
    this.announce(live)
  }

  responseStarted(live: LiveExchange): void {
    this.announce(live)
  }

  /** Something about an in-flight exchange changed that the list shows (paused at a breakpoint, patched). */
  update(live: LiveExchange): void {
    this.announce(live)
  }

  /**
   * Resolves once the exchanges answering now (other than `exceptId`) have ended and are in the store, so their
   * responses serve as evidence, or after `maxMs`. An agent sends its next request the moment it has read the
   * last response's final event, often before that exchange has even ended here (and the persist worker takes a
   * second or more to start for the first record of a run).
   */
  async stored(exceptId: string | null, maxMs = 10_000): Promise<void> {
    const deadline = Date.now() + maxMs
    const answering = (): boolean => this.answering(exceptId)
    while (this.unsettled(exceptId)) {
      const left = deadline - Date.now()
      if (left <= 0) return
      let timer: NodeJS.Timeout | undefined
      const settled = this.releasing.size + this.storing.size > 0 ? Promise.allSettled([...this.releasing, ...this.storing]) : new Promise(() => {})
      // A still-streaming exchange has no promise to wait on: look again shortly.
      await Promise.race([settled, new Promise((r) => (timer = setTimeout(r, Math.min(left, answering() ? 5 : left))))])
      clearTimeout(timer)
    }
  }

  /** Whether `stored` would wait: an exchange other than `exceptId` is answering, or ended and not yet stored. */
  unsettled(exceptId: string | null): boolean {
    return this.releasing.size > 0 || this.storing.size > 0 || this.answering(exceptId)
  }

  private answering(exceptId: string | null): boolean {
    for (const l of this.live.values()) if (l.summary.id !== exceptId && l.summary.state === 'streaming') return true
    return false
  }

  /**
   * In-flight updates go out at most once a display frame, after the proxy has passed the bytes on (an open UI
   * costs a message per update): the updates of one exchange within a frame go out as one, and an exchange
   * that ends within it shows up once, in its final state.
   */
  private announce(live: LiveExchange): void {
    if (this.announcing.size === 0) setTimeout(() => this.announcePending(), ANNOUNCE_EVERY_MS)
    this.announcing.set(live.summary.id, live)
  }

  private announcePending(): void {
    const lives = [...this.announcing.values()]
    this.announcing.clear()
    for (const live of lives) {
      // An ended exchange is announced once stored, with what storing adds.
      if (live.ended) continue
      if (this.peekDue.delete(live) && live.request.kept > 0) {
        Object.assign(live.summary, peekRequestMeta(live.request.ends(PEEK_BYTES) ?? live.request.bytes()))
        live.summary.requestSize = live.request.size
      }
      this.hooks.upserted({ ...live.summary })
    }
  }

  /**
   * The exchange ended. Its bodies go to the worker once `released` resolves, i.e. once the proxy has written
   * the last chunk out, saying which bodies' chunks are free to move uncopied; without it they are copied.
   */
  finish(live: LiveExchange, state: 'completed' | 'failed' | 'aborted', error: string | null = null, released?: Promise<BodiesFree>): void {
    if (live.ended) return
    live.end(state, error)
    const done = (summary: ExchangeSummary): void => {
      this.live.delete(summary.id)
      // The final state goes out now; an in-flight update still waiting would come after it and undo it.
      this.announcing.delete(summary.id)
      this.hooks.upserted(summary)
    }
    const unsaved = (): void => {
      const summary = { ...live.summary }
      this.unsaved.push(summary)
      if (this.unsaved.length > UNSAVED_KEPT) this.unsaved.shift()
      done(summary)
    }
    const handOff = (free: BodiesFree): void => {
      if (!this.recording) return unsaved()
      const transfer: ArrayBuffer[] = []
      const stored = this.sink.persist(this.persistInput(live, free, transfer), transfer).then(
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
      if (live.request.moved || live.response.moved) {
        this.persisting.set(live.summary.id, stored)
        void stored.then(() => this.persisting.delete(live.summary.id))
      }
      this.storing.add(stored)
      void stored.then(() => this.storing.delete(stored))
    }
    if (!released) return handOff(NOTHING_FREE)
    const waiting: Promise<void> = released.then(handOff, () => handOff(NOTHING_FREE)).finally(() => this.releasing.delete(waiting))
    this.releasing.add(waiting)
  }

  /**
   * Resolves once a live exchange's bodies can be read here again: at once, unless they have moved to the
   * persist worker, then when the exchange is stored (read it from the store).
   */
  settled(id: string): Promise<void> {
    return this.persisting.get(id) ?? Promise.resolve()
  }

  /** Waits until every ended exchange has been handed to the sink (before the sink is closed). */
  async drain(): Promise<void> {
    while (this.releasing.size > 0) await Promise.allSettled([...this.releasing])
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
    const transfer: ArrayBuffer[] = []
    const record = await this.sink.persist(
      {
        summary,
        requestHeaders: redactHeaders(entry.requestHeaders),
        request: { parts: ownParts(entry.requestBody, transfer), cut: false },
        response: entry.response
          ? { statusMessage: entry.response.statusMessage, headers: redactHeaders(entry.response.headers), parts: ownParts(entry.response.body, transfer), cut: false, chunkTimes: entry.response.chunkTimes ?? [] }
          : null,
        replayOf: entry.replayOf ?? null,
        duplicateOf: entry.duplicateOf ?? null,
        join: this.joinOf(entry.replayOf ?? entry.duplicateOf ?? null)
      },
      transfer
    )
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

  private persistInput(live: LiveExchange, free: BodiesFree, transfer: ArrayBuffer[]): PersistWire {
    return {
      summary: { ...live.summary },
      requestHeaders: live.requestHeaders,
      replayOf: live.replayOf,
      join: this.joinOf(live.replayOf),
      request: { parts: live.request.handOff(free.request, transfer), cut: live.request.cut },
      // The client's body is never written to a socket (the sent one is): its memory is free to move.
      ...(live.original ? { original: { parts: live.original.handOff(true, transfer), cut: live.original.cut } } : {}),
      response: live.responseHeaders
        ? {
            statusMessage: live.statusMessage,
            headers: live.responseHeaders,
            parts: live.response.handOff(free.response, transfer),
            cut: live.response.cut,
            chunkTimes: live.chunkTimes
          }
        : null
    }
  }

  /** A replay or a copy is a branch of its original's conversation, in its session, never a new thread. */
  private joinOf(originalId: string | null): PersistWire['join'] {
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
