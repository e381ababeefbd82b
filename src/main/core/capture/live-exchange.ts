// One exchange while it is in flight. The proxy calls these methods from its data handlers; each only
// stores a reference to the chunk and a timestamp, so recording never delays the bytes it records.
import { performance } from 'node:perf_hooks'
import type { CaptureMode, ExchangeSummary, HeaderList } from '../../../shared/types'
import { redactHeaders, redactPath, redactUrl } from './redact'

/** Bodies beyond this are forwarded in full but only their first bytes are recorded. */
export const CAPTURE_LIMIT = 128 * 1024 * 1024

export interface LiveExchangeInit {
  id: string
  seq: number
  method: string
  path: string
  upstreamUrl: string
  mode: CaptureMode
  rawHeaders: string[]
  /** For a replay: the exchange it replays. */
  replayOf?: string | null
}

export class BodyTee {
  readonly chunks: Buffer[] = []
  size = 0
  kept = 0
  cut = false
  push(chunk: Buffer): void {
    this.size += chunk.length
    // Once cut, stay cut: the record keeps the first bytes without a hole in them.
    if (this.cut || this.kept + chunk.length > CAPTURE_LIMIT) {
      this.cut = true
      return
    }
    this.chunks.push(chunk)
    this.kept += chunk.length
  }
  /** Set once the chunks' memory has moved to the persist worker; the body is then read from the store. */
  moved = false
  bytes(): Buffer {
    if (this.moved) throw new Error('the body has moved to the persist worker; read it from the store')
    return this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.kept)
  }
  /** The first and last `n` bytes, without joining the whole body (multi-MB requests are common). */
  ends(n: number): { head: Buffer; tail: Buffer } | null {
    if (this.kept <= 2 * n) return null
    return { head: gather(this.chunks, n, false), tail: gather(this.chunks, n, true) }
  }
  /**
   * The body as parts for the persist worker, adding the memory to transfer to `transfer`. `free` says no write
   * of the chunks is pending any more: chunks that own their memory then move without a copy (HTTP body chunks
   * do: Node's parser copies each into a buffer of its own), and runs of small chunks are gathered into one copy
   * (fewer, larger transfers). Otherwise, as a socket may still read them, the body is copied. After a move the
   * chunks are gone from this thread.
   */
  handOff(free: boolean, transfer: ArrayBuffer[]): Uint8Array[] {
    if (this.kept === 0) return []
    if (!free) {
      const copy = gatherCopy(this.chunks, this.kept)
      transfer.push(copy.buffer as ArrayBuffer)
      return [copy]
    }
    const parts: Uint8Array[] = []
    const taken = new Set<ArrayBufferLike>()
    const owns = (c: Buffer): boolean => c.byteOffset === 0 && c.byteLength === c.buffer.byteLength && c.buffer instanceof ArrayBuffer && !taken.has(c.buffer)
    const move = (c: Buffer): void => {
      taken.add(c.buffer)
      transfer.push(c.buffer as ArrayBuffer)
      parts.push(c)
    }
    let run: Buffer[] = []
    let runBytes = 0
    const endRun = (): void => {
      if (run.length === 1 && owns(run[0])) move(run[0])
      else if (run.length > 0) {
        const copy = gatherCopy(run, runBytes)
        transfer.push(copy.buffer as ArrayBuffer)
        parts.push(copy)
      }
      run = []
      runBytes = 0
    }
    for (const c of this.chunks) {
      if (c.length >= MOVE_AS_IS && owns(c)) {
        endRun()
        move(c)
      } else {
        run.push(c)
        runBytes += c.length
      }
    }
    endRun()
    this.chunks.length = 0
    this.moved = true
    return parts
  }
}

/** Chunks at least this big move to the worker as they are; smaller neighbours are gathered into one copy. */
const MOVE_AS_IS = 8 * 1024

/** One copy of the chunks in memory of its own (never Buffer's shared pool), so it can be transferred. */
function gatherCopy(chunks: Buffer[], size: number): Uint8Array {
  const out = new Uint8Array(size)
  let offset = 0
  for (const c of chunks) {
    out.set(c, offset)
    offset += c.length
  }
  return out
}

export class LiveExchange {
  readonly summary: ExchangeSummary
  readonly requestHeaders: HeaderList
  request = new BodyTee()
  /** The client's own body when a repair rule or a breakpoint edit changed what was sent (`request`). */
  original: BodyTee | null = null
  readonly response = new BodyTee()
  responseHeaders: HeaderList | null = null
  statusMessage = ''
  /** Flat pairs: byte offset after the chunk, ms since start. */
  readonly chunkTimes: number[] = []
  private readonly t0 = performance.now()
  readonly replayOf: string | null

  constructor(init: LiveExchangeInit) {
    this.replayOf = init.replayOf ?? null
    this.requestHeaders = redactHeaders(pairs(init.rawHeaders))
    this.summary = {
      id: init.id,
      seq: init.seq,
      startedAt: new Date().toISOString(),
      method: init.method,
      // A key in a query string (`?key=…`) is a key too: the record keeps the target without it.
      path: redactPath(init.path),
      upstreamUrl: redactUrl(init.upstreamUrl),
      mode: init.mode,
      protocol: 'unknown',
      model: null,
      stream: false,
      state: 'pending',
      status: null,
      error: null,
      durationMs: null,
      ttfbMs: null,
      requestSize: 0,
      responseSize: 0,
      usage: null,
      conversationId: null
    }
  }

  elapsed(): number {
    return Math.round((performance.now() - this.t0) * 100) / 100
  }

  requestChunk(chunk: Buffer): void {
    this.request.push(chunk)
  }

  /** A repair rule or an edit changed the body: what the client sent is kept as `original`, `body` is what goes out. */
  replaceRequest(body: Buffer | readonly Buffer[]): void {
    // Replaced twice (a rule's patch, then the user's edit): the original stays the client's.
    this.original ??= this.request
    this.request = new BodyTee()
    for (const part of Buffer.isBuffer(body) ? [body] : body) this.request.push(part)
    this.summary.patched = true
  }

  responseHead(status: number, statusMessage: string, rawHeaders: string[]): void {
    this.summary.status = status
    this.summary.state = 'streaming'
    this.summary.ttfbMs = this.elapsed()
    this.statusMessage = statusMessage
    this.responseHeaders = redactHeaders(pairs(rawHeaders))
  }

  responseChunk(chunk: Buffer): void {
    this.response.push(chunk)
    this.chunkTimes.push(this.response.size, this.elapsed())
  }

  end(state: 'completed' | 'failed' | 'aborted', error: string | null = null): void {
    this.summary.state = state
    this.summary.error = error
    this.summary.durationMs = this.elapsed()
    this.summary.requestSize = this.request.size
    this.summary.responseSize = this.response.size
  }

  get ended(): boolean {
    const s = this.summary.state
    return s === 'completed' || s === 'failed' || s === 'aborted'
  }
}

export function pairs(raw: string[]): HeaderList {
  const out: HeaderList = []
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]])
  return out
}

function gather(chunks: Buffer[], n: number, fromEnd: boolean): Buffer {
  const picked: Buffer[] = []
  let size = 0
  for (let i = 0; i < chunks.length && size < n; i++) {
    const c = chunks[fromEnd ? chunks.length - 1 - i : i]
    const part = fromEnd ? c.subarray(Math.max(0, c.length - (n - size))) : c.subarray(0, n - size)
    if (fromEnd) picked.unshift(part)
    else picked.push(part)
    size += part.length
  }
  return Buffer.concat(picked, size)
}
