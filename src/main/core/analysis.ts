// Reading recorded requests for the timeline, the diagnosis and the turn diff. Parsed bodies are cached
// (a 5 MB request parses in tens of ms; the UI asks for the same one several times in a row).
import type { Diagnosis, ExchangeSummary, HeaderList, RequestView, TurnDiff } from '../../shared/types'
import { decodeContent, headerValue, jsonOfBody } from './capture/decode'
import { failed } from './conversation-list'
import { evidenceChanges } from './conversations/evidence-diff'
import { turnDiff } from './conversations/turn-diff'
import { identifyClient } from './clients/identify'
import { clientOfRecord } from './clients/record-client'
import { diagnose } from './diagnose/diagnose'
import { endpointOf } from './diagnose/endpoint'
import type { EvidenceContext } from './evidence/candidates'
import type { RequestEvidence } from './evidence/match'
import { StoreEvidence } from './evidence/store-evidence'
import { isRecord, type JsonRecord } from './protocols/json'
import { requestView } from './protocols/request-view'
import { keepApplicableFixes, type EvidenceFinder } from './replay/fixes'
import type { ExchangeRecord } from './store/record'
import type { Store } from './store/store'

const CACHE_SIZE = 8

/** The conversation an exchange belongs to, oldest first (the request strip's order). */
export type ConversationOf = (summary: ExchangeSummary) => readonly ExchangeSummary[]

export class Analysis {
  private readonly bodies = new Map<string, unknown>()
  /** The one evidence lookup: diagnosis, fixes and turn diffs all ask it. */
  readonly evidence: StoreEvidence

  constructor(
    private readonly store: Store,
    private readonly conversationOf: ConversationOf = (s) => [s]
  ) {
    this.evidence = new StoreEvidence(store)
  }

  /** Where the exchange sits: its conversation, its place in it, its arrival order. */
  context(record: ExchangeRecord): EvidenceContext & { requestN: number | null } {
    return StoreEvidence.contextOf(record.summary, this.conversationOf(record.summary))
  }

  /** The evidence lookup for bodies sent in place of this exchange's (the replay editor's). */
  finder(record: ExchangeRecord): EvidenceFinder {
    const ctx = this.context(record)
    return (body: JsonRecord) => this.evidence.forRequest(body, ctx)
  }

  /** The recorded response behind each assistant message of the exchange's request. */
  evidenceOf(record: ExchangeRecord): RequestEvidence | null {
    const body = this.requestJson(record)
    return isRecord(body) ? this.evidence.forRequest(body, this.context(record)) : null
  }

  /** The request body as JSON, or undefined when it is not JSON. */
  requestJson(record: ExchangeRecord): unknown {
    const id = record.summary.id
    if (this.bodies.has(id)) return this.bodies.get(id)
    const value = record.request.body ? jsonOfBody(this.store.getBody(record.request.body), record.request.headers) : undefined
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
    const ctx = this.context(record)
    const evidence = this.evidence.forRequest(body, ctx)
    const diagnosis = diagnose({
      protocol,
      body,
      status: record.summary.status,
      responseText: this.responseText(record),
      responseContentType: record.response ? headerValue(record.response.headers, 'content-type') : null,
      ...endpointOf(record.summary.upstreamUrl, record.request.headers),
      evidence,
      requestN: ctx.requestN,
      client: clientOfRecord(record, body)
    })
    keepApplicableFixes(diagnosis, protocol, body, evidence)
    return diagnosis
  }

  /**
   * A request not recorded yet (held at a breakpoint): the lint of what would be sent, with the evidence of the
   * conversation it continues (live repair's lookup), so the culprit shows before the request goes out.
   */
  liveDiagnosis(summary: ExchangeSummary, headers: HeaderList, body: unknown, evidence: RequestEvidence): Diagnosis | null {
    const protocol = summary.protocol
    if (protocol === 'unknown' || body === undefined) return null
    const diagnosis = diagnose({
      protocol,
      body,
      status: null,
      responseText: null,
      ...endpointOf(summary.upstreamUrl, headers),
      evidence,
      requestN: null,
      client: identifyClient({ headers, body, path: summary.path })
    })
    keepApplicableFixes(diagnosis, protocol, body, evidence)
    return diagnosis
  }

  /**
   * Against the last successful request before this one in the same conversation, and each assistant message
   * against the recorded response that produced it (which works on a first replay too, with no earlier request).
   */
  turnDiff(record: ExchangeRecord, conversation: readonly ExchangeSummary[]): TurnDiff | null {
    const protocol = record.summary.protocol
    const body = this.requestJson(record)
    if (protocol === 'unknown' || body === undefined) return null
    const before = conversation.filter((s) => s.seq < record.summary.seq && !failed(s) && s.state === 'completed')
    const base = before[before.length - 1]
    const baseRecord = base ? this.store.get(base.id) : undefined
    const baseBody = baseRecord ? this.requestJson(baseRecord) : undefined
    const diff: TurnDiff = baseBody !== undefined ? turnDiff(protocol, baseBody, body, base.id) : { baseId: null, changes: [] }
    const evidence = this.evidenceOf(record)
    if (evidence) diff.changes.push(...evidenceChanges(evidence))
    return diff.baseId === null && diff.changes.length === 0 ? null : diff
  }
}
