// What the proxy asks before it forwards: whether a repair rule or a breakpoint could concern this request.
// `plan` runs for every request and must stay cheap; when it returns null the request takes the plain pipe
// (no buffering, nothing added). Otherwise the body is buffered and `request` decides what goes upstream, and
// `response` may hold the upstream's answer before its first byte reaches the client.
import type { IncomingMessage } from 'node:http'
import type { HeaderList } from '../../../shared/types'
import type { LiveExchange } from '../capture/live-exchange'

/** A response the user writes at a breakpoint, sent to the client instead of the upstream's. */
export interface OwnResponse {
  status: number
  headers: HeaderList
  body: Buffer
}

export type RequestDecision =
  /** `body` is the client's own buffer when nothing changed; a changed one may come in parts, sent in order. */
  | { kind: 'send'; body: Buffer | readonly Buffer[] }
  | { kind: 'answer'; response: OwnResponse }
  | { kind: 'drop'; reason: string }

export type ResponseDecision = { kind: 'continue' } | { kind: 'answer'; response: OwnResponse } | { kind: 'drop'; reason: string }

export interface InterceptPlan {
  /** Given the whole request body; `signal` aborts when the client goes away meanwhile. */
  request: ((body: Buffer, signal: AbortSignal) => Promise<RequestDecision>) | null
  /** Given the upstream's status before any byte of its response is passed on. */
  response: ((status: number, signal: AbortSignal) => Promise<ResponseDecision>) | null
}

export interface Interceptor {
  plan(req: IncomingMessage, target: URL, live: LiveExchange): InterceptPlan | null
}
