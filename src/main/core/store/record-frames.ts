// Exchange records in the journal: JSON, deflated with a recent record as a preset dictionary. Records of
// one session differ in little more than ids, times and sizes, so one takes about a tenth of its JSON.
// Every 32nd record (a key record) stands alone and is the dictionary of the 31 after it: a damaged frame
// costs that one record, or for a key record the ones leaning on it.
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { ByteReader, ByteWriter } from './bytes'
import { RECORD_VERSION, type ExchangeRecord } from './record'

const KEY_EVERY = 32

const isKey = (n: number): boolean => n % KEY_EVERY === 1

export class RecordEncoder {
  private key: Buffer | null = null
  constructor(private counter = 0) {}

  encode(record: ExchangeRecord): Buffer {
    const json = Buffer.from(JSON.stringify(record))
    const n = ++this.counter
    const dict = isKey(n) ? null : this.key
    const body = dict ? deflateRawSync(json, { dictionary: dict }) : deflateRawSync(json)
    if (isKey(n)) this.key = json
    return Buffer.concat([new ByteWriter().uint(n).uint(dict ? 1 : 0).done(), body])
  }

  /** The last record never reached the journal: if it was a key record, the next ones must not lean on it. */
  forget(): void {
    if (isKey(this.counter)) this.key = null
  }
}

export class RecordDecoder {
  private key: { n: number; json: Buffer } | null = null
  /** The counter of the last record frame seen, readable or not. */
  counter = 0

  /** The record, or null when the frame cannot be read (or its key record was lost to damage). */
  decode(payload: Buffer): ExchangeRecord | null {
    const r = new ByteReader(payload)
    try {
      const n = r.uint()
      this.counter = n
      const usesDict = r.uint() === 1
      let dict: Buffer | undefined
      if (usesDict) {
        if (!this.key || n - this.key.n >= KEY_EVERY || n <= this.key.n) return null
        dict = this.key.json
      }
      const json = dict ? inflateRawSync(r.rest(), { dictionary: dict }) : inflateRawSync(r.rest())
      if (isKey(n)) this.key = { n, json }
      const record = JSON.parse(json.toString('utf8')) as ExchangeRecord
      return record?.v === RECORD_VERSION && typeof record.summary?.id === 'string' ? record : null
    } catch {
      return null
    }
  }
}
