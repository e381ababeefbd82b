// Turns a finished exchange into its stored record: exact model and stream flag, usage and body error from
// the response, secrets out of the bodies, bodies into the blob pack, the record onto the log. Pure apart
// from the writer, so it runs the same in the worker and in-process.
import type { ExchangeSummary, HeaderList } from '../../../shared/types'
import { providerOfExchange } from '../diagnose/providers'
import { unwrapError } from '../diagnose/unwrap-error'
import { usageOf } from '../protocols/request-meta'
import { buildMessageView } from '../protocols/stream-view'
import { clientSession } from '../conversations/client-session'
import { identifyClient } from '../clients/identify'
import { groupKey } from '../conversations/group-key'
import type { GroupEntry } from '../conversations/session-grouper'
import { replyFacts, type ReplyFacts } from '../evidence/reply-facts'
import { RECORD_VERSION, type ExchangeRecord } from '../store/record'
import type { StoreWriter } from '../store/store-writer'
import { decodeContent, headerValue } from './decode'
import { redactSide } from './redact-encoded'
import { requestFacts } from './request-facts'
import { servesAsEvidence } from '../evidence/serves-as-evidence'

/** Assigns conversations; the worker keeps one for the whole data folder. */
export interface Grouper {
  add(entry: GroupEntry): { conversationId: string; forkOf: string | null; forkAt: number | null }
}

/** A conversation an exchange joins without lineage: a replay joins its original's, an imported copy its twin's. */
export interface JoinConversation {
  conversationId: string | null
  sessionId: string | null
}

export interface PersistInput {
  summary: ExchangeSummary
  requestHeaders: HeaderList
  request: { bytes: Uint8Array | null; cut: boolean }
  /** The client's own body, when a repair rule or a breakpoint edit changed what was sent (`request`). */
  original?: { bytes: Uint8Array | null; cut: boolean } | null
  response: {
    statusMessage: string
    headers: HeaderList
    bytes: Uint8Array | null
    cut: boolean
    /** Flat pairs: byte offset after each chunk, ms since start. */
    chunkTimes: number[]
  } | null
  /** Set for a replay: the exchange it replays. */
  replayOf?: string | null
  /** Set for an import that copies an exchange already in the store. */
  duplicateOf?: string | null
  /** Replays and duplicates join their original's conversation and stay out of the agent's lineage. */
  join?: JoinConversation | null
}

export function persistJob(input: PersistInput, writer: StoreWriter, grouper: Grouper | null): ExchangeRecord {
  const summary = { ...input.summary }
  // Redact first: everything derived below (title, error text, group key) comes from the redacted bytes.
  const reqSide = input.request.bytes ? redactSide(Buffer.from(input.request.bytes.buffer, input.request.bytes.byteOffset, input.request.bytes.byteLength), input.requestHeaders) : null
  const reqBytes = reqSide?.bytes ?? null
  const requestHeaders = reqSide?.headers ?? input.requestHeaders
  const facts = requestFacts(reqBytes ? reqBytes.toString('utf8') : '')
  // A patched request keeps the client's body too, through the same redaction; it is the agent's history, so
  // the conversation is grouped by it (a fix that folds system messages would otherwise start a new thread).
  const origSide = input.original?.bytes ? redactSide(toBuffer(input.original.bytes), input.requestHeaders) : null
  const origFacts = origSide ? requestFacts(origSide.bytes.toString('utf8')) : null
  if (facts.body) Object.assign(summary, { model: facts.model, stream: facts.stream, thinking: facts.thinking })
  const res = input.response
  const resSide = res?.bytes ? redactSide(Buffer.from(res.bytes.buffer, res.bytes.byteOffset, res.bytes.byteLength), res.headers) : null
  const resBytes = resSide?.bytes ?? null
  const responseHeaders = resSide?.headers ?? res?.headers ?? []
  let reply: ReplyFacts | null = null
  if (res && resBytes) {
    const message = responseMessage(summary, responseHeaders, resBytes)
    summary.usage = usageOf(message)
    if (message?.blocks.some((b) => b.type === 'thinking' || b.type === 'redacted_thinking' || b.type === 'reasoning')) summary.thinking = true
    // An error inside a 2xx body (an `error` event in a stream) fails the exchange as much as a 400 does.
    if (message?.error && (summary.status ?? 0) < 400) summary.bodyError = message.error.message
    if (servesAsEvidence(summary) && !res.cut) reply = replyFacts(message)
  }
  summary.provider = providerOfExchange(summary, errorProviderOf(summary.status, resBytes, responseHeaders))
  let group: ExchangeRecord['group'] = undefined
  // Read from the redacted request: session ids are not secrets, and nothing here may see a key.
  const session = clientSession(requestHeaders, facts.body)
  summary.sessionId = session?.id ?? null
  // Who sent it, from the headers and the client's own body as parsed above (never a second parse).
  summary.client = identifyClient({ headers: requestHeaders, body: origFacts?.body ?? facts.body, path: summary.path })
  if (input.duplicateOf) summary.duplicateOf = input.duplicateOf
  if (input.join) {
    summary.conversationId = input.join.conversationId
    summary.sessionId = input.join.sessionId
  } else {
    const groupBody = origFacts?.body ?? facts.body
    const key = grouper && groupBody ? groupKey(summary.path, groupBody) : null
    if (grouper && key) {
      const assigned = grouper.add({ id: summary.id, key, session: session?.id ?? null })
      summary.conversationId = assigned.conversationId
      group = { key: writer.putBody(Buffer.from(JSON.stringify(key)), 'group-key'), forkOf: assigned.forkOf, forkAt: assigned.forkAt }
    }
  }
  const record: ExchangeRecord = {
    v: RECORD_VERSION,
    summary,
    meta: { title: facts.title, messages: facts.messages, ...(facts.kind ? { kind: facts.kind } : {}) },
    session: session ?? null,
    ...(group ? { group } : {}),
    ...(input.replayOf ? { replayOf: input.replayOf } : {}),
    ...(reply ? { reply } : {}),
    request: {
      headers: requestHeaders,
      body: reqBytes && reqBytes.length > 0 ? writer.putBody(reqBytes, 'request') : null,
      bodyCut: input.request.cut,
      ...(origSide ? { original: origSide.bytes.length > 0 ? writer.putBody(origSide.bytes, 'request') : null } : {})
    },
    response: res
      ? {
          statusMessage: res.statusMessage,
          headers: responseHeaders,
          body: resBytes && resBytes.length > 0 ? writer.putBody(resBytes, 'response') : null,
          bodyCut: res.cut,
          chunkTimes: res.chunkTimes.length > 0 ? writer.putBody(Buffer.from(JSON.stringify(res.chunkTimes)), 'chunk-times') : null
        }
      : null
  }
  writer.append(record)
  return record
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function responseMessage(summary: ExchangeSummary, headers: HeaderList, bytes: Buffer): ReturnType<typeof buildMessageView> {
  try {
    const decoded = decodeContent(bytes, headerValue(headers, 'content-encoding'))
    if (!decoded.bytes) return null
    return buildMessageView(summary.protocol, decoded.bytes.toString('utf8'), headerValue(headers, 'content-type'))
  } catch {
    return null
  }
}

/** Who wrote an error body (its wording or shape), for an exchange sent through a relay or tunnel. */
function errorProviderOf(status: number | null, bytes: Buffer | null, headers: HeaderList): ExchangeSummary['provider'] {
  if ((status ?? 0) < 400 || !bytes || bytes.length > 256 * 1024) return undefined
  try {
    const decoded = decodeContent(bytes, headerValue(headers, 'content-encoding'))
    if (!decoded.bytes) return undefined
    return unwrapError(status, decoded.bytes.toString('utf8'), headerValue(headers, 'content-type'))?.provider
  } catch {
    return undefined
  }
}
