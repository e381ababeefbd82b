// Reading exchanges for the API: in-flight ones from the recorder, finished ones from the store, merged in
// arrival order. Bodies come back redacted either way.
import type { BodyPart, ExchangeDetail, ExchangeSummary, Protocol } from '../../../shared/types'
import type { RawBody } from '../body-views'
import { withProvider } from '../diagnose/providers'
import { withClient } from '../clients/record-client'
import type { Store } from '../store/store'
import { headerValue, jsonOfBody } from './decode'
import { redactSide } from './redact-encoded'
import type { Recorder } from './recorder'

export class ExchangeReader {
  constructor(
    private readonly store: Store,
    private readonly recorder: Recorder
  ) {}

  /** Persisted summaries and in-flight ones, in arrival order. */
  summaries(): ExchangeSummary[] {
    // Older records and in-flight exchanges get their provider here, when listed; older records their client.
    const live = [...this.recorder.unsaved, ...this.recorder.liveSummaries()].map(withProvider)
    const stored = this.store.records.map((r) => withClient(r, withProvider(r.summary)))
    if (live.length === 0) return stored
    const liveIds = new Set(live.map((l) => l.id))
    return stored.filter((s) => !liveIds.has(s.id)).concat(live).sort((a, b) => a.seq - b.seq)
  }

  detail(id: string): ExchangeDetail | null {
    const live = this.recorder.getLive(id)
    if (live) {
      return {
        summary: { ...live.summary },
        request: { headers: live.requestHeaders, contentType: headerValue(live.requestHeaders, 'content-type') },
        response: live.responseHeaders
          ? { headers: live.responseHeaders, contentType: headerValue(live.responseHeaders, 'content-type'), statusMessage: live.statusMessage }
          : null
      }
    }
    const record = this.store.get(id)
    if (!record) return null
    return {
      summary: withClient(record),
      request: { headers: record.request.headers, contentType: headerValue(record.request.headers, 'content-type') },
      response: record.response
        ? { headers: record.response.headers, contentType: headerValue(record.response.headers, 'content-type'), statusMessage: record.response.statusMessage }
        : null
    }
  }

  /** A just-ended exchange's bodies may be on their way to the store (moved to the persist worker): wait for them. */
  async bodiesHere(id: string): Promise<void> {
    for (let live = this.recorder.getLive(id); live && (live.request.moved || live.response.moved || !!live.original?.moved); live = this.recorder.getLive(id)) await this.recorder.settled(id)
  }

  rawBody(id: string, part: BodyPart): RawBody | null {
    const live = this.recorder.getLive(id)
    if (live) {
      const tee = part === 'request' ? live.request : live.response
      const headers = part === 'request' ? live.requestHeaders : (live.responseHeaders ?? [])
      if (!tee.kept) return { bytes: null, headers, cut: tee.cut }
      // In flight, not yet through the persist job: the same scan as what is stored (a key in a gzip body too).
      const side = redactSide(tee.bytes(), headers)
      return { bytes: side.bytes, headers: side.headers, cut: tee.cut }
    }
    const record = this.store.get(id)
    if (!record) return null
    const side = part === 'request' ? record.request : record.response
    if (!side) return { bytes: null, headers: [], cut: false }
    return { bytes: side.body ? this.store.getBody(side.body) : null, headers: side.headers, cut: side.bodyCut }
  }

  /** A request still in flight (held at a breakpoint) as JSON, for its timeline: undefined body when it is not JSON. */
  async liveRequestJson(id: string): Promise<{ protocol: Protocol; body: unknown } | null> {
    const live = this.recorder.getLive(id)
    if (!live) return null
    await this.bodiesHere(id)
    const raw = this.rawBody(id, 'request')
    return { protocol: live.summary.protocol, body: raw?.bytes ? jsonOfBody(raw.bytes, raw.headers) : undefined }
  }

  /** A patched request as the client sent it; null when the request went out unchanged. */
  originalBody(id: string): RawBody | null {
    const live = this.recorder.getLive(id)
    if (live) {
      if (!live.original) return null
      const side = redactSide(live.original.bytes(), live.requestHeaders)
      return { bytes: side.bytes, headers: side.headers, cut: live.original.cut }
    }
    const request = this.store.get(id)?.request
    if (!request || request.original === undefined) return null
    return { bytes: request.original ? this.store.getBody(request.original) : null, headers: request.headers, cut: request.bodyCut }
  }

  /** Flat pairs `[byteOffsetEnd, msSinceStart]` per received response chunk, when known. */
  chunkTimes(id: string): number[] | null {
    const live = this.recorder.getLive(id)
    if (live) return live.chunkTimes
    const ref = this.store.get(id)?.response?.chunkTimes
    return ref ? (JSON.parse(this.store.getBody(ref).toString('utf8')) as number[]) : null
  }
}
