// The client of a stored exchange. Records written since clients are identified carry it (persist-job, from
// the headers and the body it parses anyway); older ones are identified when read: from the headers alone
// when listed (cheap, no body read: an agent that names itself in a header is named, otherwise only its
// library), and from headers and body once the body is parsed for a diagnosis, kept for later listings.
import type { ClientInfo, ExchangeSummary } from '../../../shared/types'
import type { ExchangeRecord } from '../store/record'
import { identifyClient } from './identify'

const fromBody = new WeakMap<ExchangeRecord, ClientInfo | null>()
const fromHeaders = new WeakMap<ExchangeRecord, ClientInfo | null>()

/** The client of a record whose request body is at hand (parsed JSON, or undefined when it is not JSON). */
export function clientOfRecord(record: ExchangeRecord, body: unknown): ClientInfo | null {
  if (record.summary.client !== undefined) return record.summary.client
  const known = fromBody.get(record)
  if (known !== undefined) return known
  const client = identifyClient({ headers: record.request.headers, body: body ?? null, path: record.summary.path })
  fromBody.set(record, client)
  return client
}

/** For listing: what was stored, what a diagnosis found, or what the headers alone tell. */
export function listedClient(record: ExchangeRecord): ClientInfo | null {
  if (record.summary.client !== undefined) return record.summary.client
  if (fromBody.has(record)) return fromBody.get(record)!
  if (fromHeaders.has(record)) return fromHeaders.get(record)!
  const client = identifyClient({ headers: record.request.headers, body: null, path: record.summary.path })
  fromHeaders.set(record, client)
  return client
}

/** The summary as listed: with its client (a copy only for records that did not store one). */
export function withClient(record: ExchangeRecord, summary: ExchangeSummary = record.summary): ExchangeSummary {
  return summary.client !== undefined ? summary : { ...summary, client: listedClient(record) }
}
