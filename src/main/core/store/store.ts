// A data folder as the rest of the app sees it: the list of recorded exchanges (in memory, small: bodies
// are only references) and body reads. The owning process holds the folder's lock; writes go through a
// StoreWriter, in the persist worker or, for tools and tests, in-process via putBody/append.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { BlobPack } from './blob-pack'
import { getBody, type BodyRef } from './body-store'
import { readExchangeLog } from './exchange-log'
import { lockDataDir } from './lock'
import type { ExchangeRecord } from './record'
import { StoreWriter } from './store-writer'

export interface StoreOptions {
  /** Read-only opens take no lock and never truncate: `list` and `show` may run beside a live app. */
  readOnly?: boolean
}

export class Store {
  readonly records: ExchangeRecord[]
  private readonly byId = new Map<string, ExchangeRecord>()
  private readonly pack: BlobPack
  private readonly unlock: () => void
  private inProcessWriter: StoreWriter | null = null
  /** Damaged lines skipped on open (a crash mid-write cuts at most the last one). */
  readonly skippedOnOpen: number

  private constructor(readonly dir: string, private readonly options: StoreOptions) {
    this.unlock = options.readOnly ? () => {} : lockDataDir(dir)
    const loaded = readExchangeLog(join(dir, 'exchanges.jsonl'))
    this.records = loaded.records
    for (const r of this.records) this.byId.set(r.summary.id, r)
    this.skippedOnOpen = loaded.skipped
    this.pack = new BlobPack(dir, { readOnly: true })
  }

  static open(dir: string, options: StoreOptions = {}): Store {
    if (!options.readOnly) mkdirSync(dir, { recursive: true })
    return new Store(dir, options)
  }

  get(id: string): ExchangeRecord | undefined {
    return this.byId.get(id)
  }

  get nextSeq(): number {
    const last = this.records[this.records.length - 1]
    return last ? last.summary.seq + 1 : 1
  }

  getBody(ref: BodyRef): Buffer {
    return getBody(this.pack, ref.ref)
  }

  /** Adds a record a writer has just persisted to the in-memory list. */
  index(record: ExchangeRecord): void {
    const existing = this.byId.get(record.summary.id)
    this.byId.set(record.summary.id, record)
    if (existing) this.records[this.records.indexOf(existing)] = record
    else insertBySeq(this.records, record)
  }

  /** In-process writing, for tools and tests; the app writes through its persist worker. */
  putBody(data: Buffer): BodyRef {
    return this.writer().putBody(data)
  }

  append(record: ExchangeRecord): void {
    this.writer().append(record)
    this.index(record)
  }

  close(): void {
    this.inProcessWriter?.close()
    this.pack.close()
    this.unlock()
  }

  private writer(): StoreWriter {
    if (this.options.readOnly) throw new Error('the store was opened read-only')
    this.inProcessWriter ??= new StoreWriter(this.dir)
    return this.inProcessWriter
  }
}

// Exchanges finish out of order; keep records sorted by arrival. New ones land at or near the end.
function insertBySeq(records: ExchangeRecord[], record: ExchangeRecord): void {
  let i = records.length
  while (i > 0 && records[i - 1].summary.seq > record.summary.seq) i--
  records.splice(i, 0, record)
}
