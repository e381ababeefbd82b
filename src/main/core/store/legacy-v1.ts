// Reading a format-1 data folder (before `store.json`): `exchanges.jsonl`, one JSON record a line, and
// `blobs.pack` + `blobs.idx`, deflated blobs and one index line each (`hash offset storedLength rawLength`).
// A body ref is `c:<hash>` (one blob) or `m:<hash>` (a blob listing chunk hashes). Kept to migrate such a
// folder and to read one beside an older app that still writes it; nothing writes this format any more.
import { closeSync, existsSync, fstatSync, openSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { readAt } from './generation'
import { RECORD_VERSION, type ExchangeRecord } from './record'
import type { BodyRef } from './refs'

interface BlobLocation {
  offset: number
  stored: number
}

export class V1Store {
  /** Every readable record in the order written; a later line for an id supersedes an earlier one. */
  readonly records: ExchangeRecord[]
  /** Damaged log lines and index lines (a crash cuts at most the last of each). */
  readonly skipped: number
  private readonly index = new Map<string, BlobLocation>()
  private readonly packFd: number
  private readonly idxPath: string
  private idxRead = 0

  constructor(dir: string) {
    const log = readV1Log(join(dir, 'exchanges.jsonl'))
    this.records = log.records
    const packPath = join(dir, 'blobs.pack')
    this.idxPath = join(dir, 'blobs.idx')
    this.packFd = existsSync(packPath) ? openSync(packPath, 'r') : -1
    this.skipped = log.skipped + this.loadIndex()
  }

  /** Reads index lines added since the last call (an older app may still be writing the folder). */
  private loadIndex(): number {
    if (this.packFd < 0 || !existsSync(this.idxPath)) return 0
    const packSize = fstatSync(this.packFd).size
    const text = readFileSync(this.idxPath).subarray(this.idxRead).toString('utf8')
    const complete = text.lastIndexOf('\n') + 1
    this.idxRead += Buffer.byteLength(text.slice(0, complete))
    let skipped = complete < text.length ? 1 : 0
    for (const line of text.slice(0, complete).split('\n')) {
      if (!line) continue
      const [hash, offset, stored] = line.split(' ')
      const loc = { offset: Number(offset), stored: Number(stored) }
      if (!hash || !Number.isSafeInteger(loc.offset) || !Number.isSafeInteger(loc.stored) || loc.offset + loc.stored > packSize) skipped++
      else this.index.set(hash, loc)
    }
    return skipped
  }

  private blob(hash: string): Buffer {
    if (!this.index.has(hash)) this.loadIndex()
    const loc = this.index.get(hash)
    if (!loc) throw new Error(`blob ${hash} is missing from the store`)
    return inflateRawSync(readAt(this.packFd, loc.offset, loc.stored))
  }

  getBody(ref: BodyRef): Buffer {
    return Buffer.concat(this.chunkKeys(ref).map((h) => this.blob(h)))
  }

  /** The blob hashes a body is made of, in order. */
  chunkKeys(ref: BodyRef): string[] {
    const kind = ref.ref.slice(0, 2)
    const hash = ref.ref.slice(2)
    if (kind === 'c:') return [hash]
    if (kind === 'm:') return this.blob(hash).toString('utf8').split('\n')
    throw new Error(`unknown body reference ${JSON.stringify(ref.ref)}`)
  }

  chunk(hash: string): Buffer {
    return this.blob(hash)
  }

  close(): void {
    if (this.packFd >= 0) closeSync(this.packFd)
  }
}

function readV1Log(path: string): { records: ExchangeRecord[]; skipped: number } {
  if (!existsSync(path)) return { records: [], skipped: 0 }
  const lines = readFileSync(path, 'utf8').split('\n')
  let skipped = lines.pop() ? 1 : 0
  const byId = new Map<string, ExchangeRecord>()
  for (const line of lines) {
    if (!line) continue
    try {
      const record = JSON.parse(line) as ExchangeRecord
      if (record?.v !== RECORD_VERSION || typeof record.summary?.id !== 'string') throw new Error('not a record')
      byId.delete(record.summary.id)
      byId.set(record.summary.id, record)
    } catch {
      skipped++
    }
  }
  return { records: [...byId.values()], skipped }
}
