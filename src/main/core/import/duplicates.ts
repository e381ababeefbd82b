// An imported copy of an exchange already in the store (a file written by `show`, a HAR we exported, the same
// file dropped twice) is recognised as that exchange: same id or same start time, and the same request and
// status after redaction. It is still listed, marked as a copy, and never counts as a new failure.
import { createHash } from 'node:crypto'
import type { HeaderList } from '../../../shared/types'
import { decodeContent, headerValue } from '../capture/decode'
import { redactBody } from '../capture/redact'
import type { ExchangeRecord } from '../store/record'
import type { Store } from '../store/store'
import type { ImportEntry } from './import-entry'

export class DuplicateFinder {
  private byStart: Map<string, string[]> | null = null
  private indexed = 0

  constructor(private readonly store: Store) {}

  /** The id of the recorded exchange this entry copies, or null. */
  find(entry: ImportEntry): string | null {
    const candidates = new Set<string>()
    if (entry.sourceId && this.store.get(entry.sourceId)) candidates.add(entry.sourceId)
    for (const id of this.startIndex().get(entry.startedAt) ?? []) candidates.add(id)
    if (candidates.size === 0) return null
    const digest = entryDigest(entry)
    for (const id of candidates) {
      const record = this.store.get(id)
      if (record && !record.summary.duplicateOf && recordDigest(this.store, record) === digest) return id
    }
    return null
  }

  /** startedAt → ids, kept current with the store's records (new ones are appended at the end, or near it). */
  private startIndex(): Map<string, string[]> {
    this.byStart ??= new Map()
    const records = this.store.records
    if (this.indexed !== records.length) {
      this.byStart.clear()
      for (const r of records) this.byStart.set(r.summary.startedAt, [...(this.byStart.get(r.summary.startedAt) ?? []), r.summary.id])
      this.indexed = records.length
    }
    return this.byStart
  }
}

function entryDigest(e: ImportEntry): string {
  return digest(canonical(redactBody(e.requestBody), e.requestHeaders), e.response?.status ?? null)
}

function recordDigest(store: Store, r: ExchangeRecord): string {
  const body = r.request.body ? store.getBody(r.request.body) : Buffer.alloc(0)
  return digest(canonical(body, r.request.headers), r.summary.status)
}

function digest(request: string, status: number | null): string {
  return createHash('sha256').update(request).update(`\u0000${status ?? ''}`).digest('hex')
}

/** The body as text, decoded, JSON re-serialized so whitespace and a re-export do not matter. */
function canonical(bytes: Buffer, headers: HeaderList): string {
  const decoded = bytes.length ? (decodeContent(bytes, headerValue(headers, 'content-encoding')).bytes ?? bytes) : bytes
  const text = decoded.toString('utf8')
  try {
    return JSON.stringify(JSON.parse(text))
  } catch {
    return text
  }
}
