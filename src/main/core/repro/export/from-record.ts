// Bundle inputs from what the app recorded, or from an imported file's entry.
import type { ExchangeSummary } from '../../../../shared/types'
import { decodeContent, headerValue } from '../../capture/decode'
import type { ImportEntry } from '../../import/import-entry'
import type { ExchangeRecord } from '../../store/record'
import type { Store } from '../../store/store'
import type { BundleExchange } from './bundle-input'

function text(bytes: Buffer | null, encoding: string | null): string {
  if (!bytes) return ''
  const decoded = decodeContent(bytes, encoding)
  return decoded.bytes ? decoded.bytes.toString('utf8') : ''
}

export function exchangeFromRecord(store: Store, record: ExchangeRecord): BundleExchange {
  const s = record.summary
  const res = record.response
  return {
    id: s.id,
    replayOf: record.replayOf ?? null,
    duplicateOf: s.duplicateOf ?? null,
    startedAt: s.startedAt,
    method: s.method,
    url: s.upstreamUrl,
    requestHeaders: record.request.headers.filter(([n]) => n.toLowerCase() !== 'content-encoding'),
    requestBody: text(record.request.body ? store.getBody(record.request.body) : null, headerValue(record.request.headers, 'content-encoding')),
    agentBody: record.request.original ? text(store.getBody(record.request.original), headerValue(record.request.headers, 'content-encoding')) : null,
    response: res
      ? {
          status: s.status ?? 0,
          statusMessage: res.statusMessage,
          headers: res.headers.filter(([n]) => n.toLowerCase() !== 'content-encoding'),
          body: text(res.body ? store.getBody(res.body) : null, headerValue(res.headers, 'content-encoding'))
        }
      : null
  }
}

export function conversationFromStore(store: Store, members: readonly ExchangeSummary[], fallback: ExchangeRecord): BundleExchange[] {
  const records = members.map((m) => store.get(m.id)).filter((r): r is ExchangeRecord => !!r)
  return (records.length ? records : [fallback]).map((r) => exchangeFromRecord(store, r))
}

export function exchangeFromEntry(entry: ImportEntry): BundleExchange {
  return {
    ...(entry.sourceId ? { id: entry.sourceId } : {}),
    startedAt: entry.startedAt,
    method: entry.method,
    url: entry.url,
    requestHeaders: entry.requestHeaders,
    requestBody: entry.requestBody.toString('utf8'),
    response: entry.response ? { status: entry.response.status, statusMessage: entry.response.statusMessage, headers: entry.response.headers, body: entry.response.body.toString('utf8') } : null
  }
}

