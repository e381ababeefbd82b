// What the journal says is in the pack, in memory: chunks (slices of a compressed segment) and chunk lists
// (a body cut into chunks), both under numeric ids, and how to get their bytes back.
//
// A segment is the new chunks of one body, deflated together, usually with a preset dictionary made of
// chunks stored earlier (the old version of the history it extends): the bytes an agent re-sends with a small
// edit then cost almost nothing even where they fall into a new chunk. A segment's dictionary chunks may sit
// in segments with dictionaries of their own; the writer caps that chain (`depth`) so reading any chunk
// inflates a bounded number of segments.
//
// A list names a body's chunks in order, either outright or as edits of an earlier list (copy runs of the
// base, plus runs of consecutive new ids), since each request's list repeats the previous one's.
import { inflateRawSync } from 'node:zlib'
import { ByteReader, ByteWriter } from './bytes'

export const HASH_BYTES = 16
/** Deflate's window: a longer dictionary is never looked at. */
export const DICT_BYTES = 32 * 1024

export interface Segment {
  packOffset: number
  stored: number
  raw: number
  depth: number
  dict: number[]
  first: number
  count: number
}

interface ListObject {
  size: number
  base: number
  depth: number
  /** Triples: tag (0 copy from base, 1 run of ids), a (base position or first id), count. */
  ops: number[]
}

const CHUNK = 1
const LIST = 2

/** Reads `length` bytes at `offset` of the pack. */
export type PackReader = (offset: number, length: number) => Buffer

export class MissingObjectError extends Error {}

export class ObjectIndex {
  readonly byHash = new Map<string, number>()
  private readonly kind: number[] = []
  /** Chunk: its segment. List: index in `lists`. */
  private readonly where: number[] = []
  /** Chunk: offset in its segment's raw bytes. */
  private readonly offset: number[] = []
  private readonly size: number[] = []
  readonly segments: Segment[] = []
  private readonly lists: ListObject[] = []
  private readonly segmentCache = new ByteLru(64 * 1024 * 1024)
  private readonly listCache = new Map<number, number[]>()
  nextId = 0

  constructor(private readonly readPack: PackReader) {}

  // ---- building from journal frames ----

  addSegmentFrame(payload: Buffer): Segment {
    const r = new ByteReader(payload)
    const first = r.uint()
    const packOffset = r.uint()
    const stored = r.uint()
    const depth = r.uint()
    const dict: number[] = []
    const dictCount = r.uint()
    let last = first
    for (let i = 0; i < dictCount; i++) dict.push((last += r.int()))
    const count = r.uint()
    const segment: Segment = { packOffset, stored, raw: 0, depth, dict, first, count }
    const index = this.segments.push(segment) - 1
    for (let i = 0; i < count; i++) {
      const size = r.uint()
      const hash = r.bytes(HASH_BYTES).toString('latin1')
      this.setObject(first + i, CHUNK, index, segment.raw, size, hash)
      segment.raw += size
    }
    return segment
  }

  addListFrame(payload: Buffer): number {
    const r = new ByteReader(payload)
    const id = r.uint()
    const hash = r.bytes(HASH_BYTES).toString('latin1')
    const size = r.uint()
    const base = r.uint() - 1
    const depth = r.uint()
    const opCount = r.uint()
    const ops: number[] = []
    let copyAt = 0
    let runAt = id
    for (let i = 0; i < opCount; i++) {
      const head = r.uint()
      const count = Math.floor(head / 2)
      if (head % 2 === 0) {
        copyAt += r.int()
        ops.push(0, copyAt, count)
        copyAt += count
      } else {
        runAt += r.int()
        ops.push(1, runAt, count)
        runAt += count
      }
    }
    this.lists.push({ size, base, depth, ops })
    this.setObject(id, LIST, this.lists.length - 1, 0, size, hash)
    return id
  }

  private setObject(id: number, kind: number, where: number, offset: number, size: number, hash: string): void {
    this.kind[id] = kind
    this.where[id] = where
    this.offset[id] = offset
    this.size[id] = size
    this.byHash.set(hash, id)
    if (id >= this.nextId) this.nextId = id + 1
  }

  /** Forgets objects from `id` on and segments from `segment` on (a write that failed). */
  rollback(id: number, segment: number, hashes: Iterable<string>): void {
    for (const h of hashes) this.byHash.delete(h)
    this.kind.length = Math.min(this.kind.length, id)
    this.where.length = this.offset.length = this.size.length = this.kind.length
    this.nextId = id
    for (let s = segment; s < this.segments.length; s++) this.segmentCache.delete(s)
    this.segments.length = segment
    this.listCache.clear()
  }

  // ---- reading ----

  has(id: number): boolean {
    return this.kind[id] !== undefined
  }

  isList(id: number): boolean {
    return this.kind[id] === LIST
  }

  sizeOf(id: number): number {
    return this.size[id] ?? 0
  }

  segmentOf(chunk: number): number {
    return this.where[chunk]
  }

  listDepth(id: number): number {
    return this.lists[this.where[id]].depth
  }

  /** The chunk ids of a body object (a chunk is a body of one chunk). */
  chunkIds(id: number): number[] {
    const kind = this.kind[id]
    if (kind === CHUNK) return [id]
    if (kind !== LIST) throw new MissingObjectError(`object ${id} is missing from the store`)
    const cached = this.listCache.get(id)
    if (cached) {
      // Most recently used last.
      this.listCache.delete(id)
      this.listCache.set(id, cached)
      return cached
    }
    const list = this.lists[this.where[id]]
    const base = list.base >= 0 ? this.chunkIds(list.base) : []
    const ids: number[] = []
    for (let i = 0; i < list.ops.length; i += 3) {
      const [tag, a, count] = [list.ops[i], list.ops[i + 1], list.ops[i + 2]]
      if (tag === 0) for (let k = 0; k < count; k++) ids.push(base[a + k])
      else for (let k = 0; k < count; k++) ids.push(a + k)
    }
    this.listCache.set(id, ids)
    if (this.listCache.size > 64) this.listCache.delete(this.listCache.keys().next().value!)
    return ids
  }

  chunk(id: number): Buffer {
    if (this.kind[id] !== CHUNK) throw new MissingObjectError(`chunk ${id} is missing from the store`)
    const seg = this.segmentBytes(this.where[id])
    return seg.subarray(this.offset[id], this.offset[id] + this.size[id])
  }

  body(id: number): Buffer {
    const ids = this.chunkIds(id)
    if (ids.length === 1) return Buffer.from(this.chunk(ids[0]))
    return Buffer.concat(ids.map((c) => this.chunk(c)))
  }

  segmentBytes(index: number): Buffer {
    const cached = this.segmentCache.get(index)
    if (cached) return cached
    const s = this.segments[index]
    const stored = this.readPack(s.packOffset, s.stored)
    const raw = s.dict.length > 0 ? inflateRawSync(stored, { dictionary: this.dictionary(s.dict) }) : inflateRawSync(stored)
    if (raw.length !== s.raw) throw new Error(`segment ${index} inflates to ${raw.length} bytes, not ${s.raw}`)
    this.segmentCache.set(index, raw)
    return raw
  }

  /** Puts a segment's bytes in the cache (the writer has them already). */
  remember(index: number, raw: Buffer): void {
    this.segmentCache.set(index, raw)
  }

  dictionary(ids: number[]): Buffer {
    const parts = ids.map((c) => this.chunk(c))
    const all = parts.length === 1 ? parts[0] : Buffer.concat(parts)
    return all.length > DICT_BYTES ? all.subarray(all.length - DICT_BYTES) : all
  }
}

/** Frame payloads, written by the body writer and read back by ObjectIndex. */
export function segmentPayload(s: Segment, chunks: { size: number; hash: Buffer }[]): Buffer {
  const w = new ByteWriter().uint(s.first).uint(s.packOffset).uint(s.stored).uint(s.depth).uint(s.dict.length)
  let last = s.first
  for (const d of s.dict) {
    w.int(d - last)
    last = d
  }
  w.uint(chunks.length)
  for (const c of chunks) w.uint(c.size).bytes(c.hash)
  return w.done()
}

export function listPayload(id: number, hash: Buffer, size: number, base: number, depth: number, ops: number[]): Buffer {
  const w = new ByteWriter().uint(id).bytes(hash).uint(size).uint(base + 1).uint(depth).uint(ops.length / 3)
  let copyAt = 0
  let runAt = id
  for (let i = 0; i < ops.length; i += 3) {
    const [tag, a, count] = [ops[i], ops[i + 1], ops[i + 2]]
    w.uint(count * 2 + tag)
    if (tag === 0) {
      w.int(a - copyAt)
      copyAt = a + count
    } else {
      w.int(a - runAt)
      runAt = a + count
    }
  }
  return w.done()
}

/** Least-recently-used map of buffers, bounded by their total size. */
class ByteLru {
  private readonly map = new Map<number, Buffer>()
  private bytes = 0
  constructor(private readonly cap: number) {}
  get(key: number): Buffer | undefined {
    const v = this.map.get(key)
    if (v) {
      this.map.delete(key)
      this.map.set(key, v)
    }
    return v
  }
  set(key: number, value: Buffer): void {
    this.delete(key)
    this.map.set(key, value)
    this.bytes += value.length
    while (this.bytes > this.cap && this.map.size > 1) this.delete(this.map.keys().next().value!)
  }
  delete(key: number): void {
    const v = this.map.get(key)
    if (!v) return
    this.bytes -= v.length
    this.map.delete(key)
  }
}
