// Turns a finished exchange into its stored record: exact model and stream flag, usage and body error from
// the response, secrets out of the bodies, bodies into the blob pack, the record onto the log. Pure apart
// from the writer, so it runs the same in the worker and in-process.
import type { ExchangeSummary, HeaderList } from '../../../shared/types'
import { requestMeta, usageOf } from '../protocols/request-meta'
import { buildMessageView } from '../protocols/stream-view'
import { RECORD_VERSION, type ExchangeRecord } from '../store/record'
import type { StoreWriter } from '../store/store-writer'
import { decodeContent, headerValue } from './decode'
import { redactBody } from './redact'

export interface PersistInput {
  summary: ExchangeSummary
  requestHeaders: HeaderList
  request: { bytes: Uint8Array | null; cut: boolean }
  response: {
    statusMessage: string
    headers: HeaderList
    bytes: Uint8Array | null
    cut: boolean
    /** Flat pairs: byte offset after each chunk, ms since start. */
    chunkTimes: number[]
  } | null
}

export function persistJob(input: PersistInput, writer: StoreWriter): ExchangeRecord {
  const summary = { ...input.summary }
  const reqBytes = input.request.bytes ? Buffer.from(input.request.bytes.buffer, input.request.bytes.byteOffset, input.request.bytes.byteLength) : null
  if (reqBytes) Object.assign(summary, requestMeta(reqBytes.toString('utf8')))
  const res = input.response
  const resBytes = res?.bytes ? Buffer.from(res.bytes.buffer, res.bytes.byteOffset, res.bytes.byteLength) : null
  if (res && resBytes) summary.usage = usageFrom(summary, res.headers, resBytes)
  const record: ExchangeRecord = {
    v: RECORD_VERSION,
    summary,
    request: {
      headers: input.requestHeaders,
      body: reqBytes && reqBytes.length > 0 ? writer.putBody(redactBody(reqBytes)) : null,
      bodyCut: input.request.cut
    },
    response: res
      ? {
          statusMessage: res.statusMessage,
          headers: res.headers,
          body: resBytes && resBytes.length > 0 ? writer.putBody(redactBody(resBytes)) : null,
          bodyCut: res.cut,
          chunkTimes: res.chunkTimes.length > 0 ? writer.putBody(Buffer.from(JSON.stringify(res.chunkTimes))) : null
        }
      : null
  }
  writer.append(record)
  return record
}

function usageFrom(summary: ExchangeSummary, headers: HeaderList, bytes: Buffer): ExchangeSummary['usage'] {
  try {
    const decoded = decodeContent(bytes, headerValue(headers, 'content-encoding'))
    if (!decoded.bytes) return null
    return usageOf(buildMessageView(summary.protocol, decoded.bytes.toString('utf8'), headerValue(headers, 'content-type')))
  } catch {
    return null
  }
}
