// A data folder as the rest of the app sees it: the list of recorded exchanges (in memory, small: bodies
// are only references) and body reads. The owning process holds the folder's lock and brings an older
// folder to the current format on open; writes go through a StoreWriter, in the persist worker or, for tools
// and tests, in-process via putBody/append/delete/compact.
import { mkdirSync } from 'node:fs'
import type { BodyKind } from './body-writer'
import { GenerationReader, type StoreStats } from './generation'
import { folderState, generationDir, removeStale } from './layout'
import { V1Store } from './legacy-v1'
import { lockDataDir } from './lock'
import { prepareFolder } from './migrate'
import type { ExchangeRecord } from './record'
import { parseRef, type BodyRef } from './refs'
import type { RewriteProgress, RewriteResult } from './rewrite'
import { StoreWriter, type CompactResult } from './store-writer'

export interface StoreOptions {
  /** Read-only opens take no lock, never migrate and never truncate: `list` and `show` may run beside a live app. */
  readOnly?: boolean
  /** Progress of a migration from an older store format (writable opens only). */
  onMigrate?: (p: RewriteProgress) => void
}

/** A body is stored as a list of chunks; search reads each distinct chunk once. Keys are unique per store. */
export type ChunkKey = number | string

export class Store {
  /** By arrival (seq). */
  readonly records: ExchangeRecord[] = []
  private readonly byId = new Map<string, ExchangeRecord>()
  private unlock: () => void
  private reader: GenerationReader | null = null
  private v1: V1Store | null = null
  private inProcessWriter: StoreWriter | null = null
  /** Damaged records or frames skipped on open (a crash cuts at most the last write). */
  skippedOnOpen = 0
  /** Set when this open migrated a folder from an older format. */
  readonly migrated: RewriteResult | null = null

  private constructor(readonly dir: string, private readonly options: StoreOptions) {
    this.unlock = options.readOnly ? () => {} : lockDataDir(dir)
    try {
      if (!options.readOnly) this.migrated = prepareFolder(dir, options.onMigrate).migrated
      this.load()
    } catch (err) {
      this.unlock()
      throw err
    }
  }

  static open(dir: string, options: StoreOptions = {}): Store {
    if (!options.readOnly) mkdirSync(dir, { recursive: true })
    return new Store(dir, options)
  }

  /** The format-2 generation being read, or null (an empty folder, or format 1 read-only). */
  get generation(): number | null {
    return this.reader?.view.generation ?? null
  }

  /** Null for a format-1 folder read without migrating it. */
  stats(): StoreStats | null {
    if (!this.reader) return null
    this.reader.view.follow()
    return this.reader.view.stats()
  }

  /** Deleted exchanges still taking space (until a compaction). */
  get deletedPending(): number {
    if (!this.reader) return 0
    this.reader.view.follow()
    return this.reader.view.deleted.size
  }

  get(id: string): ExchangeRecord | undefined {
    return this.byId.get(id)
  }

  get nextSeq(): number {
    const last = this.records[this.records.length - 1]
    return last ? last.summary.seq + 1 : 1
  }

  getBody(ref: BodyRef): Buffer {
    if (this.v1) return this.v1.getBody(ref)
    if (this.inProcessWriter && parseRef(ref.ref)?.generation === this.inProcessWriter.generation) return this.inProcessWriter.getBody(ref)
    const id = this.objectId(ref)
    return this.reader!.view.index.body(id)
  }

  /** The chunks a body is made of, in order (for search). */
  chunkKeys(ref: BodyRef): ChunkKey[] {
    if (this.v1) return this.v1.chunkKeys(ref)
    return this.reader!.view.index.chunkIds(this.objectId(ref))
  }

  chunk(key: ChunkKey): Buffer {
    if (this.v1) return this.v1.chunk(key as string)
    return this.reader!.view.index.chunk(key as number)
  }

  private objectId(ref: BodyRef): number {
    const parsed = parseRef(ref.ref)
    if (!parsed) throw new Error(`body reference ${JSON.stringify(ref.ref)} is not a format-2 reference`)
    // A newer generation: the writer compacted the store; read the new one.
    if (this.reader && parsed.generation > this.reader.view.generation) this.reload()
    const view = this.reader?.view
    if (!view || parsed.generation !== view.generation) throw new Error(`body reference ${ref.ref} is from store generation ${parsed.generation}, which was compacted away (now ${view?.generation ?? 'none'}); reopen the exchange`)
    if (!view.index.has(parsed.id)) view.follow()
    return parsed.id
  }

  /** Adds a record a writer has just persisted to the in-memory list. */
  index(record: ExchangeRecord): void {
    const gen = generationOf(record)
    if (gen !== null && this.reader && gen > this.reader.view.generation) return this.reload()
    const existing = this.byId.get(record.summary.id)
    this.byId.set(record.summary.id, record)
    if (existing) this.records[this.records.indexOf(existing)] = record
    else insertBySeq(this.records, record)
  }

  /** Drops records a writer has deleted from the in-memory list. */
  forget(ids: readonly string[]): void {
    const gone = new Set(ids.filter((id) => this.byId.delete(id)))
    if (gone.size === 0) return
    replaceAll(this.records, this.records.filter((r) => !gone.has(r.summary.id)))
  }

  /** Re-reads the folder's current generation (after a compaction by the writer). */
  reload(): void {
    this.reader?.close()
    this.reader = null
    this.v1?.close()
    this.v1 = null
    this.load()
    const generation = this.generation
    if (!this.options.readOnly && generation !== null) removeStale(this.dir, generation, false)
  }

  private load(): void {
    let records: Iterable<ExchangeRecord> = []
    // A compaction may switch generations between reading store.json and opening its files: try again.
    for (let attempt = 0; ; attempt++) {
      try {
        const state = folderState(this.dir)
        if (state.format === 2) {
          this.reader = new GenerationReader(this.dir, state.generation, generationDir(this.dir, state.generation))
          records = this.reader.view.records.values()
          // A torn last write is a crash's doing when nothing else writes (this process holds the lock).
          this.skippedOnOpen = this.reader.view.damaged + (!this.options.readOnly && this.reader.view.tornOnOpen > 0 ? 1 : 0)
        } else if (state.format === 1) {
          this.v1 = new V1Store(this.dir)
          records = this.v1.records
          this.skippedOnOpen = this.v1.skipped
        }
        break
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 3) throw err
      }
    }
    this.byId.clear()
    const sorted = [...records].sort((a, b) => a.summary.seq - b.summary.seq)
    for (const r of sorted) this.byId.set(r.summary.id, r)
    replaceAll(this.records, sorted)
  }

  /** In-process writing, for tools and tests; the app writes through its persist worker. */
  putBody(data: Buffer, kind?: BodyKind): BodyRef {
    return this.writer().putBody(data, kind)
  }

  append(record: ExchangeRecord): void {
    this.writer().append(record)
    this.index(record)
  }

  delete(ids: string[]): string[] {
    const deleted = this.writer().delete(ids)
    this.forget(deleted)
    return deleted
  }

  compact(onProgress?: (p: RewriteProgress) => void): CompactResult {
    const result = this.writer().compact(onProgress)
    this.reload()
    return result
  }

  /** Safe to call twice (an inspector and its test may both close it). */
  close(): void {
    this.inProcessWriter?.close()
    this.reader?.close()
    this.v1?.close()
    this.inProcessWriter = this.reader = this.v1 = null
    this.unlock()
    this.unlock = () => {}
  }

  private writer(): StoreWriter {
    if (this.options.readOnly) throw new Error('the store was opened read-only')
    this.inProcessWriter ??= new StoreWriter(this.dir)
    return this.inProcessWriter
  }
}

/** The store generation a record's body references point into (null when it has none). */
function generationOf(record: ExchangeRecord): number | null {
  const ref = record.request.body ?? record.response?.body ?? record.response?.chunkTimes ?? record.group?.key
  return (ref && parseRef(ref.ref)?.generation) ?? null
}

/** Replaces an array's contents in place (others hold it); no spread, which overflows the stack past ~100k. */
function replaceAll<T>(target: T[], items: T[]): void {
  target.length = 0
  for (const item of items) target.push(item)
}

// Exchanges finish out of order; keep records sorted by arrival. New ones land at or near the end.
function insertBySeq(records: ExchangeRecord[], record: ExchangeRecord): void {
  let i = records.length
  while (i > 0 && records[i - 1].summary.seq > record.summary.seq) i--
  records.splice(i, 0, record)
}
