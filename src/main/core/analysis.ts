// Reading recorded requests for the timeline, the diagnosis and the turn diff. Parsed bodies are cached
// (a 5 MB request parses in tens of ms; the UI asks for the same one several times in a row).
import type { Diagnosis, ExchangeSummary, ReassembledMessage, RequestView, TurnDiff } from '../../shared/types'
import { buildMessageView } from './protocols/stream-view'
import { decodeContent, headerValue } from './capture/decode'
import { failed } from './conversation-list'
import { turnDiff } from './conversations/turn-diff'
import { diagnose } from './diagnose/diagnose'
import { endpointOf } from './diagnose/endpoint'
import { requestView } from './protocols/request-view'
import type { ExchangeRecord } from './store/record'
import type { Store } from './store/store'

const CACHE_SIZE = 8

export class Analysis {
  private readonly bodies = new Map<string, unknown>()

  constructor(private readonly store: Store) {}

  /** The request body as JSON, or undefined when it is not JSON. */
  requestJson(record: ExchangeRecord): unknown {
    const id = record.summary.id
    if (this.bodies.has(id)) return this.bodies.get(id)
    let value: unknown = undefined
    if (record.request.body) {
      const decoded = decodeContent(this.store.getBody(record.request.body), headerValue(record.request.headers, 'content-encoding'))
      try {
        value = decoded.bytes ? JSON.parse(decoded.bytes.toString('utf8')) : undefined
      } catch {
        value = undefined
      }
    }
    this.bodies.set(id, value)
    if (this.bodies.size > CACHE_SIZE) this.bodies.delete(this.bodies.keys().next().value as string)
    return value
  }

  responseText(record: ExchangeRecord): string | null {
    const res = record.response
    if (!res?.body) return null
    const decoded = decodeContent(this.store.getBody(res.body), headerValue(res.headers, 'content-encoding'))
    return decoded.bytes ? decoded.bytes.toString('utf8') : null
  }

  view(record: ExchangeRecord): RequestView | null {
    const protocol = record.summary.protocol
    const body = this.requestJson(record)
    if (protocol === 'unknown' || body === undefined) return null
    return requestView(protocol, body)
  }

  diagnosis(record: ExchangeRecord): Diagnosis | null {
    const protocol = record.summary.protocol
    const body = this.requestJson(record)
    if (protocol === 'unknown' || body === undefined) return null
    return diagnose({
      protocol,
      body,
      status: record.summary.status,
      responseText: this.responseText(record),
      responseContentType: record.response ? headerValue(record.response.headers, 'content-type') : null,
      ...endpointOf(record.summary.upstreamUrl, record.request.headers)
    })
  }

  /** The recorded replies of a conversation, oldest first: where lost thinking and reasoning can be found again. */
  replies(conversation: readonly ExchangeSummary[]): ReassembledMessage[] {
    const out: ReassembledMessage[] = []
    for (const s of conversation) {
      const record = this.store.get(s.id)
      if (!record?.response || (s.status ?? 0) >= 400 || s.protocol === 'unknown') continue
      const text = this.responseText(record)
      const message = text ? buildMessageView(s.protocol, text, headerValue(record.response.headers, 'content-type')) : null
      if (message && !message.error) out.push(message)
    }
    return out
  }

  /** Against the last successful request before this one in the same conversation. */
  turnDiff(record: ExchangeRecord, conversation: readonly ExchangeSummary[]): TurnDiff | null {
    const protocol = record.summary.protocol
    if (protocol === 'unknown') return null
    const before = conversation.filter((s) => s.seq < record.summary.seq && !failed(s) && s.state === 'completed')
    const base = before[before.length - 1]
    const baseRecord = base ? this.store.get(base.id) : undefined
    if (!baseRecord) return null
    const body = this.requestJson(record)
    const baseBody = this.requestJson(baseRecord)
    if (body === undefined || baseBody === undefined) return null
    return turnDiff(protocol, baseBody, body, base.id)
  }
}
