// The exchange file (README, "Headless commands"): {request: {method, url, path,
// headers, body}, response: {status, headers, body}}. `body` is the parsed JSON when the body is JSON,
// else the text (SSE text for a stream). Secrets are already fingerprints in the store.
import type { HeaderList } from '../../shared/types'
import { decodeContent, headerValue } from './capture/decode'
import type { ExchangeRecord } from './store/record'
import type { Store } from './store/store'

export interface ExchangeFile {
  id: string
  startedAt: string
  request: { method: string; url: string; path: string; headers: Record<string, string>; body: unknown }
  response?: { status: number | null; headers: Record<string, string>; body: unknown; error?: string }
}

export function headersObject(list: HeaderList): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of list) out[name] = name in out ? `${out[name]}, ${value}` : value
  return out
}

export function bodyValue(raw: Buffer | null, headers: HeaderList): unknown {
  if (!raw || raw.length === 0) return null
  const decoded = decodeContent(raw, headerValue(headers, 'content-encoding'))
  if (!decoded.bytes) return `<${raw.length} bytes not shown: ${decoded.note}>`
  const text = decoded.bytes.toString('utf8')
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export function toExchangeFile(record: ExchangeRecord, store: Store): ExchangeFile {
  const s = record.summary
  const file: ExchangeFile = {
    id: s.id,
    startedAt: s.startedAt,
    request: {
      method: s.method,
      url: s.upstreamUrl,
      path: s.path,
      headers: headersObject(record.request.headers),
      body: bodyValue(record.request.body ? store.getBody(record.request.body) : null, record.request.headers)
    }
  }
  if (record.response) {
    file.response = {
      status: s.status,
      headers: headersObject(record.response.headers),
      body: bodyValue(record.response.body ? store.getBody(record.response.body) : null, record.response.headers)
    }
  } else if (s.error) {
    file.response = { status: null, headers: {}, body: null, error: s.error }
  }
  return file
}
