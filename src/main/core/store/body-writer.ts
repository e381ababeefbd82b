// Stores a body: cuts it into content-defined chunks, keeps the ones already stored, deflates the new ones
// together as one segment against a dictionary of what they most likely repeat, and records the body's chunk
// list as edits of the most similar earlier body's list. Frames are queued until `takeFrames`, so a body's
// objects reach the journal in the same write as the record that uses them.
import { createHash } from 'node:crypto'
import { deflateRawSync } from 'node:zlib'
import { chunkBoundaries, STORE_CHUNKS, type ChunkerParams } from './chunker'
import { encodeFrame, FRAME, type AppendFile } from './journal'
import { DICT_BYTES, HASH_BYTES, listPayload, segmentPayload, type ObjectIndex, type Segment } from './object-index'

/** What a body is, so a new one with nothing in common with any stored body still gets a useful dictionary. */
export type BodyKind = 'request' | 'response' | 'group-key' | 'chunk-times' | 'other'

/** Longest chain of segment dictionaries a read has to inflate through. */
const MAX_SEGMENT_DEPTH = 8
/** Longest chain of list deltas a read resolves. */
const MAX_LIST_DEPTH = 16
/** New chunks of one body go into segments of at most this many raw bytes. */
const SEGMENT_BYTES = 1024 * 1024
/** Bytes of a dictionary taken from the old version of the edited region (the rest is context before it). */
const REPLACED_BYTES = 24 * 1024

export interface Committed {
  id: number
  segment: number
  pack: number
}

export class BodyWriter {
  private pending: Buffer[] = []
  private pendingHashes: string[] = []
  private committed: Committed
  /** The most recent list each chunk was part of: votes for the base of the next body. */
  private readonly lastListOf = new Map<number, number>()
  private readonly lastOfKind = new Map<BodyKind, number>()

  constructor(
    private readonly index: ObjectIndex,
    private readonly pack: AppendFile,
    private readonly params: ChunkerParams = STORE_CHUNKS
  ) {
    this.committed = { id: index.nextId, segment: index.segments.length, pack: pack.size }
  }

  /** Seeds the base votes with recently stored lists (after a restart). */
  learn(listId: number): void {
    for (const c of this.index.chunkIds(listId)) this.lastListOf.set(c, listId)
  }

  /** Stores `data`; returns the id of the body object (a chunk, or a list of chunks). */
  put(data: Buffer, kind: BodyKind): number {
    const ends = chunkBoundaries(data, this.params)
    const hashes: Buffer[] = []
    const ids: number[] = []
    const fresh: number[] = []
    let start = 0
    for (const end of ends) {
      const hash = createHash('sha256').update(data.subarray(start, end)).digest().subarray(0, HASH_BYTES)
      hashes.push(hash)
      const known = this.index.byHash.get(hash.toString('latin1'))
      ids.push(known ?? -1)
      if (known === undefined) fresh.push(ids.length - 1)
      start = end
    }
    const listHash = ends.length > 1 ? createHash('sha256').update('list').update(Buffer.concat(hashes)).digest().subarray(0, HASH_BYTES) : null
    const same = listHash && this.index.byHash.get(listHash.toString('latin1'))
    if (same !== undefined && same !== null) return same
    const base = this.chooseBase(ids, kind)
    if (fresh.length > 0) this.writeSegments(data, ends, hashes, ids, fresh, base)
    let id: number
    if (listHash) {
      id = this.writeList(ids, listHash, data.length, base)
      for (const c of ids) this.lastListOf.set(c, id)
    } else id = ids[0]
    this.lastOfKind.set(kind, id)
    return id
  }

  /** Frames queued since the last call; the caller writes them (with its record) and then calls `commit`. */
  takeFrames(): Buffer[] {
    const frames = this.pending
    this.pending = []
    return frames
  }

  commit(): void {
    this.pendingHashes = []
    this.committed = { id: this.index.nextId, segment: this.index.segments.length, pack: this.pack.size }
  }

  /** The journal write failed: forget everything since the last commit, in memory and in the pack. */
  rollback(): void {
    this.index.rollback(this.committed.id, this.committed.segment, this.pendingHashes)
    for (const [chunk, list] of this.lastListOf) if (chunk >= this.committed.id || list >= this.committed.id) this.lastListOf.delete(chunk)
    for (const [kind, id] of this.lastOfKind) if (id >= this.committed.id) this.lastOfKind.delete(kind)
    this.pending = []
    this.pendingHashes = []
    try {
      this.pack.truncate(this.committed.pack)
    } catch {
      /* bytes past the last frame's segment are cut on the next open; the write's own error is the one to report */
    }
  }

  /** The stored body most like this one: the list most of its known chunks were last seen in. */
  private chooseBase(ids: number[], kind: BodyKind): number[] | null {
    const votes = new Map<number, number>()
    for (const c of ids) {
      const list = c >= 0 ? this.lastListOf.get(c) : undefined
      if (list !== undefined) votes.set(list, (votes.get(list) ?? 0) + 1)
    }
    let best = -1
    let bestVotes = 0
    for (const [list, n] of votes) if (n > bestVotes || (n === bestVotes && list > best)) [best, bestVotes] = [list, n]
    if (best >= 0) return [best]
    const last = this.lastOfKind.get(kind)
    return last !== undefined && this.index.has(last) ? [last] : null
  }

  private writeSegments(data: Buffer, ends: number[], hashes: Buffer[], ids: number[], fresh: number[], baseRef: number[] | null): void {
    const base = baseRef ? this.index.chunkIds(baseRef[0]) : null
    let dict = this.dictionaryFor(ids, fresh[0], base)
    for (let i = 0; i < fresh.length; ) {
      const group: number[] = []
      const inGroup = new Set<string>()
      let raw = 0
      for (; i < fresh.length && (group.length === 0 || raw < SEGMENT_BYTES); i++) {
        const at = fresh[i]
        // The same new chunk twice in one body: stored once.
        const h = hashes[at].toString('latin1')
        if (inGroup.has(h) || this.index.byHash.has(h)) continue
        inGroup.add(h)
        group.push(at)
        raw += ends[at] - (at > 0 ? ends[at - 1] : 0)
      }
      if (group.length === 0) break
      const parts = group.map((at) => data.subarray(at > 0 ? ends[at - 1] : 0, ends[at]))
      const bytes = Buffer.concat(parts)
      let depth = 0
      for (const d of dict) depth = Math.max(depth, this.index.segments[this.index.segmentOf(d)].depth + 1)
      if (depth > MAX_SEGMENT_DEPTH) [dict, depth] = [[], 0]
      const stored = dict.length > 0 ? deflateRawSync(bytes, { dictionary: this.index.dictionary(dict) }) : deflateRawSync(bytes)
      const segment: Segment = { packOffset: this.pack.size, stored: stored.length, raw: 0, depth, dict, first: this.index.nextId, count: group.length }
      this.pack.append(stored)
      const payload = segmentPayload(segment, group.map((at, k) => ({ size: parts[k].length, hash: hashes[at] })))
      this.index.addSegmentFrame(payload)
      this.index.remember(this.index.segments.length - 1, bytes)
      this.pending.push(encodeFrame(FRAME.segment, payload))
      group.forEach((at, k) => {
        this.pendingHashes.push(hashes[at].toString('latin1'))
        ids[at] = segment.first + k
      })
      // The next segment of a large body continues this one.
      dict = this.tailOf(group.map((_, k) => segment.first + k), DICT_BYTES)
    }
    // Repeats of a new chunk within the body point at its one copy.
    for (const at of fresh) if (ids[at] < 0) ids[at] = this.index.byHash.get(hashes[at].toString('latin1'))!
  }

  /**
   * Dictionary chunks for the new chunks starting at `firstNew`: the context before them, then the base's
   * chunks that this body no longer has next to that context (the old version of what was edited). Deflate
   * finds matches at short distances cheaper, so the likeliest source comes last.
   */
  private dictionaryFor(ids: number[], firstNew: number, base: number[] | null): number[] {
    const here = new Set(ids)
    const replaced: number[] = []
    if (base) {
      const anchor = firstNew > 0 ? base.indexOf(ids[firstNew - 1]) : -1
      let bytes = 0
      for (let j = anchor + 1; j < base.length && bytes < REPLACED_BYTES; j++) {
        if (here.has(base[j])) {
          if (replaced.length > 0) break
          continue
        }
        replaced.push(base[j])
        bytes += this.index.sizeOf(base[j])
      }
      // Nothing replaced near the anchor (a body that only grew): the base's own tail is the best guess.
      if (replaced.length === 0 && firstNew === 0) replaced.push(...this.tailOf(base, REPLACED_BYTES))
    }
    const context = this.tailOf(ids.slice(0, firstNew), DICT_BYTES)
    return trimFront([...context, ...replaced], DICT_BYTES, (c) => this.index.sizeOf(c))
  }

  private tailOf(ids: number[], bytes: number): number[] {
    return trimFront(ids.filter((c) => c >= 0), bytes, (c) => this.index.sizeOf(c))
  }

  private writeList(ids: number[], hash: Buffer, size: number, baseRef: number[] | null): number {
    const baseId = baseRef && this.index.isList(baseRef[0]) && this.index.listDepth(baseRef[0]) < MAX_LIST_DEPTH ? baseRef[0] : -1
    const base = baseId >= 0 ? this.index.chunkIds(baseId) : []
    const ops = diffList(ids, base)
    const id = this.index.nextId
    const payload = listPayload(id, hash, size, baseId, baseId >= 0 ? this.index.listDepth(baseId) + 1 : 0, ops)
    this.index.addListFrame(payload)
    this.pending.push(encodeFrame(FRAME.list, payload))
    this.pendingHashes.push(hash.toString('latin1'))
    return id
  }
}

/** The shortest suffix of `ids` holding at least `bytes` bytes (all of them if they hold fewer). */
function trimFront(ids: number[], bytes: number, size: (id: number) => number): number[] {
  let total = 0
  let from = ids.length
  while (from > 0 && total < bytes) total += size(ids[--from])
  return ids.slice(from)
}

/** `ids` as copies of runs of `base` and runs of consecutive ids: triples (tag, start, count). */
export function diffList(ids: number[], base: number[]): number[] {
  const pos = new Map<number, number>()
  base.forEach((c, i) => {
    if (!pos.has(c)) pos.set(c, i)
  })
  const ops: number[] = []
  for (let i = 0; i < ids.length; ) {
    const p = pos.get(ids[i])
    let k = 1
    if (p !== undefined) {
      while (i + k < ids.length && p + k < base.length && base[p + k] === ids[i + k]) k++
      ops.push(0, p, k)
    } else {
      while (i + k < ids.length && ids[i + k] === ids[i] + k && !pos.has(ids[i + k])) k++
      ops.push(1, ids[i], k)
    }
    i += k
  }
  return ops
}
