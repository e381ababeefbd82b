// The persistent store of one data folder: blob pack + exchange log. Synchronous on purpose: writes are
// small appends made after an exchange ends, never on the proxy's hot path.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { BlobPack } from './blob-pack'
import { getBody, putBody, type BodyRef } from './body-store'
import { ExchangeLogWriter, readExchangeLog } from './exchange-log'
import { lockDataDir } from './lock'
import type { ExchangeRecord } from './record'

export interface StoreOptions {
  /** Read-only opens take no lock and never truncate: `list` and `show` may run beside a live app. */
  readOnly?: boolean
}

export class Store {
  readonly records: ExchangeRecord[]
  private readonly byId = new Map<string, ExchangeRecord>()
  private readonly pack: BlobPack | null
  private readonly log: ExchangeLogWriter | null
  private readonly unlock: () => void
  /** Damaged lines skipped on open (a crash mid-write cuts at most the last one). */
  readonly skippedOnOpen: number

  private constructor(readonly dir: string, options: StoreOptions) {
    const loaded = readExchangeLog(join(dir, 'exchanges.jsonl'))
    this.records = loaded.records
    for (const r of this.records) this.byId.set(r.summary.id, r)
    if (options.readOnly) {
      this.unlock = () => {}
      this.pack = null
      this.log = null
    } else {
      this.unlock = lockDataDir(dir)
      try {
        this.pack = new BlobPack(dir)
        this.log = new ExchangeLogWriter(join(dir, 'exchanges.jsonl'))
      } catch (err) {
        this.unlock()
        throw err
      }
    }
    this.skippedOnOpen = loaded.skipped
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

  putBody(data: Buffer): BodyRef {
    return putBody(this.writablePack(), data)
  }

  getBody(ref: BodyRef): Buffer {
    return getBody(this.pack ?? this.readPack(), ref.ref)
  }

  /** Appends a finished exchange. Throws on I/O failure (disk full); the caller decides what to show. */
  append(record: ExchangeRecord): void {
    if (!this.log) throw new Error('the store was opened read-only')
    this.log.append(record)
    const existing = this.byId.get(record.summary.id)
    this.byId.set(record.summary.id, record)
    if (existing) this.records[this.records.indexOf(existing)] = record
    else insertBySeq(this.records, record)
  }

  close(): void {
    this.pack?.close()
    this.readOnlyPack?.close()
    this.log?.close()
    this.unlock()
  }

  private readOnlyPack: BlobPack | null = null
  private readPack(): BlobPack {
    this.readOnlyPack ??= new BlobPack(this.dir, { readOnly: true })
    return this.readOnlyPack
  }

  private writablePack(): BlobPack {
    if (!this.pack) throw new Error('the store was opened read-only')
    return this.pack
  }
}

// Exchanges finish out of order; keep records sorted by arrival. New ones land at or near the end.
function insertBySeq(records: ExchangeRecord[], record: ExchangeRecord): void {
  let i = records.length
  while (i > 0 && records[i - 1].summary.seq > record.summary.seq) i--
  records.splice(i, 0, record)
}
