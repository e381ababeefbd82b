// The writing side of a data folder: it runs in the persist worker (so hashing, compressing and writing never
// hold up the proxy's thread), or in-process for tools and tests. It takes no lock: the process that owns
// the folder (Store) holds it. Compaction writes the live records into a new generation and switches to it.
import { generationDir, commitGeneration, removeStale } from './layout'
import { GenerationWriter } from './generation-writer'
import type { BodyKind } from './body-writer'
import { prepareFolder } from './migrate'
import type { ExchangeRecord } from './record'
import type { BodyRef } from './refs'
import { writeGeneration, type RewriteProgress } from './rewrite'

export interface CompactResult {
  generation: number
  records: number
  bytesBefore: number
  bytesAfter: number
}

export class StoreWriter {
  private current: GenerationWriter

  constructor(readonly dir: string) {
    const { generation } = prepareFolder(dir)
    this.current = new GenerationWriter(dir, generation, generationDir(dir, generation))
  }

  get generation(): number {
    return this.current.generation
  }

  putBody(data: Buffer, kind?: BodyKind): BodyRef {
    return this.current.putBody(data, kind)
  }

  getBody(ref: BodyRef): Buffer {
    return this.current.getBody(ref)
  }

  append(record: ExchangeRecord): void {
    this.current.append(record)
  }

  /** Tombstones the records with these ids; returns the ids that were stored (and now are not). */
  delete(ids: string[]): string[] {
    return this.current.delete(ids)
  }

  flush(): void {
    this.current.flush()
  }

  /** Live records in the order they were written (the order conversations were assigned in). */
  records(): ExchangeRecord[] {
    return [...this.current.view.records.values()]
  }

  /** Rewrites the live records into a new generation and switches to it; the old one's space is freed. */
  compact(onProgress?: (p: RewriteProgress) => void): CompactResult {
    this.current.flush()
    const before = this.current.bytes
    const next = this.current.generation + 1
    const result = writeGeneration(this.dir, next, { records: this.records(), getBody: (ref) => this.current.getBody(ref) }, onProgress)
    commitGeneration(this.dir, next)
    this.current.close()
    this.current = new GenerationWriter(this.dir, next, generationDir(this.dir, next))
    // Readers of the old generation in this process switch on their next read and remove it then too.
    removeStale(this.dir, next, false)
    return { generation: next, records: result.records, bytesBefore: before, bytesAfter: this.current.bytes }
  }

  close(): void {
    this.current.close()
  }
}
