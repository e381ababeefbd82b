// The writing side of a data folder: blob pack and exchange log. It runs in the persist worker (so hashing,
// compressing and writing never hold up the proxy's thread), or in-process for tools and tests. It takes no
// lock: the process that owns the folder (Store) holds it.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { BlobPack } from './blob-pack'
import { getBody, putBody, type BodyRef } from './body-store'
import { ExchangeLogWriter } from './exchange-log'
import type { ExchangeRecord } from './record'

export class StoreWriter {
  private readonly pack: BlobPack
  private readonly log: ExchangeLogWriter

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true })
    this.pack = new BlobPack(dir)
    try {
      this.log = new ExchangeLogWriter(join(dir, 'exchanges.jsonl'))
    } catch (err) {
      this.pack.close()
      throw err
    }
  }

  putBody(data: Buffer): BodyRef {
    return putBody(this.pack, data)
  }

  getBody(ref: BodyRef): Buffer {
    return getBody(this.pack, ref.ref)
  }

  append(record: ExchangeRecord): void {
    this.log.append(record)
  }

  close(): void {
    this.pack.close()
    this.log.close()
  }
}
