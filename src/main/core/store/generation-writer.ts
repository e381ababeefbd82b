// Appends to one generation: bodies into the pack (their frames queued), then each record with the frames of
// the bodies it uses in one journal write, so a kill leaves either the whole exchange or none of it.
import { join } from 'node:path'
import { BodyWriter, type BodyKind } from './body-writer'
import type { BodyRef } from './refs'
import { GenerationView, readAt } from './generation'
import { AppendFile, encodeFrame, FRAME } from './journal'
import { JOURNAL_FILE, PACK_FILE } from './layout'
import type { ExchangeRecord } from './record'
import { RecordEncoder } from './record-frames'
import { formatRef, parseRef } from './refs'

/** Recent bodies whose chunks vote for the base of the next body after a restart. */
const LEARN_RECORDS = 32

export class GenerationWriter {
  readonly view: GenerationView
  private readonly journal: AppendFile
  private readonly pack: AppendFile
  private readonly bodies: BodyWriter
  private readonly encoder: RecordEncoder

  constructor(readonly dir: string, readonly generation: number, genDir: string) {
    this.journal = new AppendFile(join(genDir, JOURNAL_FILE))
    try {
      this.pack = new AppendFile(join(genDir, PACK_FILE))
    } catch (err) {
      this.journal.close()
      throw err
    }
    this.view = new GenerationView(dir, generation, this.journal.descriptor, (offset, length) => readAt(this.pack.descriptor, offset, length))
    this.view.follow()
    // A kill mid-write leaves a torn frame at the end of the journal and bytes no frame names in the pack.
    if (this.view.journalEnd < this.journal.size) this.journal.truncate(this.view.journalEnd)
    const packEnd = this.view.index.segments.reduce((end, s) => Math.max(end, s.packOffset + s.stored), 0)
    if (packEnd < this.pack.size) this.pack.truncate(packEnd)
    this.bodies = new BodyWriter(this.view.index, this.pack)
    this.encoder = new RecordEncoder(this.view.recordCounter)
    for (const record of [...this.view.records.values()].slice(-LEARN_RECORDS)) {
      const ref = record.request.body && parseRef(record.request.body.ref)
      if (ref && ref.generation === generation && this.view.index.isList(ref.id)) this.bodies.learn(ref.id)
    }
  }

  putBody(data: Buffer, kind: BodyKind = 'other'): BodyRef {
    try {
      return { ref: formatRef(this.generation, this.bodies.put(data, kind)), size: data.length }
    } catch (err) {
      // A failed pack write (disk full): forget this exchange's bodies so far, none of them is referenced yet.
      this.bodies.rollback()
      throw err
    }
  }

  getBody(ref: BodyRef): Buffer {
    const parsed = parseRef(ref.ref)
    if (!parsed || parsed.generation !== this.generation) throw new Error(`body reference ${ref.ref} is not from this store generation (${this.generation})`)
    return this.view.index.body(parsed.id)
  }

  append(record: ExchangeRecord): void {
    this.write([...this.bodies.takeFrames(), encodeFrame(FRAME.record, this.encoder.encode(record))])
    this.view.records.delete(record.summary.id)
    this.view.records.set(record.summary.id, record)
  }

  /** Tombstones: the records disappear now, their bytes at the next compaction. Returns the ids deleted. */
  delete(ids: string[]): string[] {
    const known = ids.filter((id) => this.view.records.has(id))
    if (known.length === 0) return []
    this.write([...this.bodies.takeFrames(), encodeFrame(FRAME.tombstone, Buffer.from(JSON.stringify({ ids: known })))])
    for (const id of known) {
      this.view.records.delete(id)
      this.view.deleted.add(id)
    }
    return known
  }

  /** Writes queued body frames without a record (tools that store bodies only). */
  flush(): void {
    const frames = this.bodies.takeFrames()
    if (frames.length > 0) this.write(frames)
  }

  private write(frames: Buffer[]): void {
    try {
      this.journal.append(frames.length === 1 ? frames[0] : Buffer.concat(frames))
    } catch (err) {
      this.bodies.rollback()
      this.encoder.forget()
      throw err
    }
    this.bodies.commit()
    this.view.journalEnd = this.journal.size
  }

  /** Bytes in the journal and the pack. */
  get bytes(): number {
    return this.journal.size + this.pack.size
  }

  close(): void {
    this.journal.close()
    this.pack.close()
  }
}
