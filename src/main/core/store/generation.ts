// One generation of a format-2 store as read from its journal: the object index, the live records in the
// order they were written, and what was deleted. The writer loads it to append; readers load it and can
// follow a writer (in another thread or process) by parsing frames appended since.
import { closeSync, openSync, readSync } from 'node:fs'
import { join } from 'node:path'
import { FRAME, parseFrames, readTail } from './journal'
import { JOURNAL_FILE, PACK_FILE } from './layout'
import { ObjectIndex, type PackReader } from './object-index'
import type { ExchangeRecord } from './record'
import type { BodyRef } from './refs'
import { RecordDecoder } from './record-frames'

export interface StoreStats {
  exchanges: number
  /** Body bytes of the live records as recorded, each body counted every time it was sent. */
  logical: number
  /** Distinct chunk bytes stored (after dedupe, before compression); includes deleted records' until compaction. */
  unique: number
  /** Those chunks compressed: the pack's size. */
  packed: number
  /** Records, chunk lists and segment headers. */
  journal: number
}

/** Every body reference of a record (request and a patched request's original, response, stream timings, grouping key). */
export function bodyRefs(r: ExchangeRecord): BodyRef[] {
  return [r.request.body, r.request.original, r.response?.body, r.response?.chunkTimes, r.group?.key].filter((b): b is BodyRef => !!b)
}

export class GenerationView {
  readonly index: ObjectIndex
  /** Live records by id, in the order they were written. */
  readonly records = new Map<string, ExchangeRecord>()
  /** Records written, then deleted (tombstones). */
  readonly deleted = new Set<string>()
  private readonly decoder = new RecordDecoder()
  /** Journal bytes parsed so far (everything up to the last whole frame). */
  journalEnd = 0
  /** Frames and records that could not be read. */
  damaged = 0
  /** Listeners told about records and tombstones found while following. */
  onRecord: ((record: ExchangeRecord) => void) | null = null
  onDelete: ((ids: string[]) => void) | null = null

  constructor(
    readonly dir: string,
    readonly generation: number,
    private readonly journalFd: number,
    readPack: PackReader
  ) {
    this.index = new ObjectIndex(readPack)
  }

  /** Sizes for judging dedupe and compression separately. */
  stats(): StoreStats {
    let logical = 0
    for (const r of this.records.values()) for (const ref of bodyRefs(r)) logical += ref.size
    let unique = 0
    let packed = 0
    for (const s of this.index.segments) {
      unique += s.raw
      packed += s.stored
    }
    return { exchanges: this.records.size, logical, unique, packed, journal: this.journalEnd }
  }

  get recordCounter(): number {
    return this.decoder.counter
  }

  /** Bytes after the last whole frame when the journal was first read: a write a kill cut short (or in progress). */
  tornOnOpen = 0

  /** Parses frames appended since the last call. */
  follow(): void {
    const tail = readTail(this.journalFd, this.journalEnd)
    const { frames, end, damaged } = parseFrames(tail)
    if (this.journalEnd === 0) this.tornOnOpen = tail.length - end
    this.journalEnd += end
    this.damaged += damaged
    for (const f of frames) {
      try {
        this.apply(f.type, f.payload)
      } catch {
        this.damaged++
      }
    }
  }

  private apply(type: number, payload: Buffer): void {
    if (type === FRAME.segment) this.index.addSegmentFrame(payload)
    else if (type === FRAME.list) this.index.addListFrame(payload)
    else if (type === FRAME.record) {
      const record = this.decoder.decode(payload)
      if (!record) return void this.damaged++
      const id = record.summary.id
      // A later record for an id supersedes the earlier one and takes its place at the end.
      this.records.delete(id)
      this.records.set(id, record)
      this.deleted.delete(id)
      this.onRecord?.(record)
    } else if (type === FRAME.tombstone) {
      const ids = (JSON.parse(payload.toString('utf8')) as { ids: string[] }).ids
      for (const id of ids) {
        if (this.records.delete(id)) this.deleted.add(id)
      }
      this.onDelete?.(ids)
    }
  }
}

/** A read-only view of a generation, with its own file descriptors. */
export class GenerationReader {
  readonly view: GenerationView
  private readonly journalFd: number
  private readonly packFd: number

  constructor(dir: string, generation: number, genDir: string) {
    this.journalFd = openSync(join(genDir, JOURNAL_FILE), 'r')
    try {
      this.packFd = openSync(join(genDir, PACK_FILE), 'r')
    } catch (err) {
      closeSync(this.journalFd)
      throw err
    }
    this.view = new GenerationView(dir, generation, this.journalFd, (offset, length) => readAt(this.packFd, offset, length))
    this.view.follow()
  }

  close(): void {
    closeSync(this.journalFd)
    closeSync(this.packFd)
  }
}

export function readAt(fd: number, offset: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length)
  let read = 0
  while (read < length) {
    const n = readSync(fd, buf, read, length - read, offset + read)
    if (n === 0) throw new Error(`the pack file ends before byte ${offset + length} (it has been cut short)`)
    read += n
  }
  return buf
}
