// The format-1 writer as it was before store format 2 (blob pack + index lines + exchanges.jsonl), kept
// only to make format-1 folders of any size for the migration tests. Condensed from
// src/main/core/store/{blob-pack,body-store,chunker,exchange-log}.ts at commit f248cd8; the small committed
// fixture (fixtures/v1-folder) was written by that version's `serve` itself.
import { createHash } from 'node:crypto'
import { appendFileSync, mkdirSync, statSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import type { ExchangeRecord } from '../../../src/main/core/store/record'
import type { BodyRef } from '../../../src/main/core/store/refs'

const MIN_SIZE = 4 * 1024
const MAX_SIZE = 64 * 1024
const MASK = (1 << 14) - 1
const GEAR = (() => {
  const table = new Uint32Array(256)
  let x = 0x9e3779b9
  for (let i = 0; i < 256; i++) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    table[i] = x >>> 0
  }
  return table
})()

function chunkBoundaries(data: Uint8Array): number[] {
  const ends: number[] = []
  let start = 0
  while (start < data.length) {
    if (data.length - start <= MIN_SIZE) {
      ends.push(data.length)
      break
    }
    const limit = Math.min(data.length, start + MAX_SIZE)
    let hash = 0
    let cut = limit
    for (let i = start + MIN_SIZE; i < limit; i++) {
      hash = ((hash << 1) + GEAR[data[i]]) >>> 0
      if ((hash & MASK) === 0) {
        cut = i + 1
        break
      }
    }
    ends.push(cut)
    start = cut
  }
  return ends
}

export class V1Writer {
  private readonly known = new Set<string>()
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true })
  }

  private put(data: Uint8Array): string {
    const hash = createHash('sha256').update(data).digest('base64url').slice(0, 22)
    if (this.known.has(hash)) return hash
    const stored = deflateRawSync(data, { level: 6 })
    const pack = join(this.dir, 'blobs.pack')
    const offset = existsSync(pack) ? statSync(pack).size : 0
    appendFileSync(pack, stored)
    appendFileSync(join(this.dir, 'blobs.idx'), `${hash} ${offset} ${stored.length} ${data.length}\n`)
    this.known.add(hash)
    return hash
  }

  putBody(data: Buffer): BodyRef {
    const ends = chunkBoundaries(data)
    if (ends.length <= 1) return { ref: `c:${this.put(data)}`, size: data.length }
    const hashes: string[] = []
    let start = 0
    for (const end of ends) {
      hashes.push(this.put(data.subarray(start, end)))
      start = end
    }
    return { ref: `m:${this.put(Buffer.from(hashes.join('\n')))}`, size: data.length }
  }

  append(record: ExchangeRecord): void {
    appendFileSync(join(this.dir, 'exchanges.jsonl'), JSON.stringify(record) + '\n')
  }
}
