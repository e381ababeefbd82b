// Body search through the store. Bodies are chunk lists and an agent session's requests share almost all
// their chunks, so the search goes exchange by exchange, newest first, and looks at each distinct chunk once:
// what a chunk holds (matches, where the first is) is remembered and reused by every body that contains it.
// A match across two chunks is found at their seam, also once per distinct pair. Bodies stored with a
// content-encoding (gzip, br, zstd, deflate) are searched decoded, since their stored bytes say nothing.
// Results stream as they are found; the search yields to the event loop every few milliseconds (it runs on
// the proxy's thread) and stops when its AbortSignal fires.
import type { BodyPart, SearchHit } from '../../../shared/types'
import { decodeContent, headerValue } from '../capture/decode'
import type { ExchangeRecord } from './record'
import type { BodyRef } from './refs'
import type { ChunkKey, Store } from './store'

export interface BodySearchQuery {
  text: string
  /** ASCII letters only are folded when false (the default). */
  caseSensitive?: boolean
  parts?: readonly BodyPart[]
}

export type BodySearchHit = SearchHit

export interface BodySearchOptions {
  signal?: AbortSignal
  /** Longest stretch of work between two yields to the event loop. */
  sliceMs?: number
  /** Told after each exchange: how many of how many have been looked at. */
  progress?: (scanned: number, total: number) => void
}

interface ChunkResult {
  size: number
  matches: number
  /** Offset of the first match in the chunk, -1 when none. */
  first: number
}

const SNIPPET = 60
/** Longer queries could span more than two chunks (the smallest is 512 bytes): their start is scanned for. */
const LONG_QUERY = 256

export async function* searchBodies(store: Store, query: BodySearchQuery, options: BodySearchOptions = {}): AsyncGenerator<BodySearchHit> {
  const matcher = new Matcher(query)
  if (matcher.empty) return
  const scanner = matcher.length > LONG_QUERY ? matcher.prefixes(LONG_QUERY) : matcher
  const parts = query.parts ?? ['request', 'response']
  const sliceMs = options.sliceMs ?? 8
  const chunks = new Map<ChunkKey, ChunkResult>()
  const seams = new Map<string, { matches: number; first: number; snippet: string }>()
  const decodedByRef = new Map<string, Found | null | undefined>()
  let sliceStart = performance.now()
  const records = [...store.records].reverse()
  // Called between chunks too: reading a body first decodes its segments, which can take a while cold.
  const generation = store.generation
  const tick = async (): Promise<boolean> => {
    if (performance.now() - sliceStart > sliceMs) {
      await new Promise((r) => setImmediate(r))
      sliceStart = performance.now()
      // Chunk ids name chunks of one generation only.
      if (store.generation !== generation) throw new Error('the store was compacted while searching; search again')
    }
    return !options.signal?.aborted
  }

  for (const [n, record] of records.entries()) {
    options.progress?.(n, records.length)
    for (const part of parts) {
      if (!(await tick())) return
      const side = part === 'request' ? record.request : record.response
      const ref = side?.body
      if (!side || !ref) continue
      let hit: Found | null | undefined
      try {
        hit = encodingOf(side.headers) ? searchDecoded(store, ref, headerValue(side.headers, 'content-encoding'), matcher, decodedByRef) : undefined
        // Not encoded, or it does not decode: the stored bytes are what there is to search.
        if (hit === undefined) {
          hit = await searchChunks(store, ref, scanner, chunks, seams, tick)
          if (options.signal?.aborted) return
          // A long query is looked for by its start; bodies that have it are read whole to check the rest.
          if (hit && scanner !== matcher) hit = searchWhole(store, ref, matcher, decodedByRef)
        }
      } catch (err) {
        if (store.generation !== generation) throw err
        continue // a body the store cannot read (damaged) is not a match
      }
      // Deleted while the search ran: not a result any more.
      if (hit && store.get(record.summary.id)) yield { id: record.summary.id, part, ...hit }
    }
  }
}

function encodingOf(headers: ExchangeRecord['request']['headers']): boolean {
  const e = headerValue(headers, 'content-encoding')
  return !!e && e.trim().toLowerCase() !== 'identity'
}

type Found = Omit<BodySearchHit, 'id' | 'part'>

/** The hit in the decoded body, null for none, undefined when it does not decode. */
function searchDecoded(store: Store, ref: BodyRef, encoding: string | null, matcher: Matcher, cache: Map<string, Found | null | undefined>): Found | null | undefined {
  if (cache.has(ref.ref)) return cache.get(ref.ref)
  let found: Found | null | undefined
  const decoded = decodeContent(store.getBody(ref), encoding)
  if (decoded.bytes) {
    const folded = matcher.fold(decoded.bytes)
    const first = matcher.first(folded)
    found = first >= 0 ? { matches: matcher.count(folded), offset: first, decoded: true, snippet: snippetAt(decoded.bytes, first, matcher.length) } : null
  }
  cache.set(ref.ref, found)
  return found
}

function searchWhole(store: Store, ref: BodyRef, matcher: Matcher, cache: Map<string, Found | null | undefined>): Found | null {
  const key = `whole ${ref.ref}`
  if (!cache.has(key)) {
    const body = store.getBody(ref)
    const folded = matcher.fold(body)
    const first = matcher.first(folded)
    cache.set(key, first >= 0 ? { matches: matcher.count(folded), offset: first, decoded: false, snippet: snippetAt(body, first, matcher.length) } : null)
  }
  return cache.get(key) ?? null
}

async function searchChunks(store: Store, ref: BodyRef, matcher: Matcher, chunks: Map<ChunkKey, ChunkResult>, seams: Map<string, { matches: number; first: number; snippet: string }>, tick: () => Promise<boolean>): Promise<Found | null> {
  const keys = store.chunkKeys(ref)
  let matches = 0
  let offset = -1
  let snippet = ''
  let at = 0
  for (let i = 0; i < keys.length; i++) {
    let r = chunks.get(keys[i])
    if (!r) {
      if (!(await tick())) return null
      const bytes = store.chunk(keys[i])
      const folded = matcher.fold(bytes)
      const first = matcher.first(folded)
      r = { size: bytes.length, matches: first >= 0 ? matcher.count(folded) : 0, first }
      chunks.set(keys[i], r)
    }
    if (i > 0 && matcher.length > 1) {
      const seam = seamResult(store, keys[i - 1], keys[i], matcher, seams)
      if (seam.matches > 0) {
        if (offset < 0) [offset, snippet] = [at - (matcher.length - 1) + seam.first, seam.snippet]
        matches += seam.matches
      }
    }
    if (r.matches > 0) {
      if (offset < 0) [offset, snippet] = [at + r.first, snippetAt(store.chunk(keys[i]), r.first, matcher.length)]
      matches += r.matches
    }
    at += r.size
  }
  return matches > 0 ? { matches, offset, decoded: false, snippet } : null
}

/** Matches that start in the last bytes of chunk `a` and end in the first bytes of chunk `b`. */
function seamResult(store: Store, a: ChunkKey, b: ChunkKey, matcher: Matcher, seams: Map<string, { matches: number; first: number; snippet: string }>): { matches: number; first: number; snippet: string } {
  const key = `${a},${b}`
  let r = seams.get(key)
  if (!r) {
    const reach = matcher.length - 1
    const left = store.chunk(a)
    const tail = left.subarray(Math.max(0, left.length - reach))
    const joined = Buffer.concat([tail, store.chunk(b).subarray(0, reach)])
    const folded = matcher.fold(joined)
    let matches = 0
    let first = -1
    for (const needle of matcher.needles) {
      for (let p = folded.indexOf(needle); p >= 0 && p < tail.length; p = folded.indexOf(needle, p + 1)) {
        if (p + needle.length <= tail.length) continue
        matches++
        if (first < 0 || p < first) first = p
      }
    }
    // `first` is relative to `joined`, which starts `reach` bytes before the seam (or at a short chunk's start).
    r = { matches, first: first < 0 ? -1 : first + (reach - tail.length), snippet: first >= 0 ? snippetAt(joined, first, matcher.length) : '' }
    seams.set(key, r)
  }
  return r
}

/** The query as bytes: the text itself and, when it differs, the form it takes inside a JSON string. */
class Matcher {
  readonly needles: Buffer[]
  readonly length: number

  constructor(query: BodySearchQuery | { needles: Buffer[]; caseSensitive: boolean }, private readonly foldCase = !query.caseSensitive) {
    if ('needles' in query) this.needles = query.needles
    else {
      const text = this.foldCase ? foldAsciiText(query.text) : query.text
      // Inside a JSON string: quotes, backslashes and control characters escaped; some encoders (Python's
      // json.dumps by default) also write every non-ASCII character as \uXXXX.
      const json = JSON.stringify(text).slice(1, -1)
      const forms = new Set([text, json, json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)])
      this.needles = [...forms].filter((f) => f.length > 0).map((f) => Buffer.from(f))
    }
    this.length = Math.max(0, ...this.needles.map((n) => n.length))
  }

  /** The first `bytes` bytes of each needle: what every match starts with. */
  prefixes(bytes: number): Matcher {
    return new Matcher({ needles: this.needles.map((n) => n.subarray(0, bytes)), caseSensitive: !this.foldCase })
  }

  get empty(): boolean {
    return this.needles.length === 0
  }

  fold(bytes: Buffer): Buffer {
    return this.foldCase ? foldAscii(bytes) : bytes
  }

  first(haystack: Buffer): number {
    let best = -1
    for (const n of this.needles) {
      const p = haystack.indexOf(n)
      if (p >= 0 && (best < 0 || p < best)) best = p
    }
    return best
  }

  count(haystack: Buffer): number {
    let total = 0
    for (const n of this.needles) for (let p = haystack.indexOf(n); p >= 0; p = haystack.indexOf(n, p + n.length)) total++
    return total
  }
}

function foldAsciiText(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase())
}

function foldAscii(bytes: Buffer): Buffer {
  const out = Buffer.allocUnsafe(bytes.length)
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    out[i] = b >= 65 && b <= 90 ? b + 32 : b
  }
  return out
}

function snippetAt(bytes: Buffer, at: number, length: number): string {
  const from = Math.max(0, at - SNIPPET)
  const to = Math.min(bytes.length, at + length + SNIPPET)
  return (from > 0 ? '…' : '') + bytes.subarray(from, to).toString('utf8').replace(/\s+/g, ' ') + (to < bytes.length ? '…' : '')
}
