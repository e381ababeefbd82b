// Wire types: what crosses IPC, the web-mode HTTP API and the disk. View models live in the renderer.

export type Protocol = 'anthropic' | 'openai' | 'unknown'

/** pending: request sent, no response yet; streaming: response head received, body flowing. */
export type ExchangeState = 'pending' | 'streaming' | 'completed' | 'failed' | 'aborted'

/** How the exchange entered the store. */
export type CaptureMode = 'reverse' | 'mitm' | 'replay' | 'import'

/** Headers in the order received. Secret values are already replaced by a fingerprint. */
export type HeaderList = Array<[name: string, value: string]>

export interface TokenUsage {
  inputTokens: number | null
  outputTokens: number | null
  cacheReadTokens: number | null
  reasoningTokens: number | null
}

export interface ExchangeSummary {
  id: string
  /** Monotonic order of arrival; the list is sorted by it. */
  seq: number
  startedAt: string
  method: string
  /** Path and query exactly as the client sent them. */
  path: string
  upstreamUrl: string
  mode: CaptureMode
  protocol: Protocol
  model: string | null
  stream: boolean
  state: ExchangeState
  status: number | null
  /** Transport failure (refused, DNS, timeout, client gone), not an HTTP error status. */
  error: string | null
  durationMs: number | null
  ttfbMs: number | null
  requestSize: number
  responseSize: number
  usage: TokenUsage | null
  conversationId: string | null
}

export interface ExchangeDetail {
  summary: ExchangeSummary
  request: { headers: HeaderList; contentType: string | null }
  response: { headers: HeaderList; contentType: string | null; statusMessage: string } | null
}

export type BodyPart = 'request' | 'response'

export interface BodyView {
  id: string
  part: BodyPart
  /** Raw size in bytes as sent on the wire. */
  size: number
  /** content-encoding of the raw bytes, if any. */
  encoding: string | null
  /** Decoded UTF-8 text, capped; null when there is no body or it could not be decoded. */
  text: string | null
  truncated: boolean
  isJson: boolean
  /** Why the decoded view is missing or partial (unknown encoding, gzip failed, binary, cut off). */
  note: string | null
}

export interface SseEventView {
  /** SSE `event:` field, null when absent (OpenAI streams have none). */
  event: string | null
  data: string
  /** ms since the request started at which the chunk holding this event's end arrived, when known. */
  atMs: number | null
}

export type MessageBlock =
  | { type: 'text'; text: string }
  | { type: 'thinking'; thinking: string; signature: string | null }
  | { type: 'redacted_thinking'; data: string }
  | { type: 'tool_use'; id: string; name: string; input: unknown; inputJson: string; inputError: string | null }
  /** OpenAI-format `reasoning_content`. */
  | { type: 'reasoning'; text: string }
  /** OpenAI-format `tool_calls[]` entry. */
  | { type: 'tool_call'; id: string; name: string; arguments: string; input: unknown; inputError: string | null }
  | { type: 'unknown'; raw: unknown }

export interface ReassembledMessage {
  protocol: 'anthropic' | 'openai'
  id: string | null
  model: string | null
  role: string
  blocks: MessageBlock[]
  stopReason: string | null
  usage: TokenUsage | null
  /** An error reported inside the body (an SSE `error` event in a 200 stream, or an error JSON). */
  error: { type: string | null; message: string } | null
  /** True when the stream ended without its terminal event (message_stop / [DONE]). */
  incomplete: boolean
}

export interface StreamView {
  format: 'anthropic-sse' | 'openai-sse' | 'sse'
  events: SseEventView[]
  message: ReassembledMessage | null
  /** Parse problems: bad JSON in an event, unknown framing. Never thrown. */
  problems: string[]
}

export type UpstreamProfileId = 'mimo' | 'mimo-token-plan' | 'mimo-token-plan-sgp' | 'mimo-token-plan-ams' | 'custom'

export interface UpstreamProfile {
  id: UpstreamProfileId
  label: string
  baseUrl: string
}

export interface EnvLine {
  /** Which agents or tools the line is for. */
  label: string
  line: string
}

export interface ProxyStatus {
  reverse: { host: string; port: number; listening: boolean; error: string | null; url: string }
  upstream: UpstreamProfile
  profiles: UpstreamProfile[]
  envLines: EnvLine[]
}

export interface StoreStatus {
  dataDir: string
  exchangeCount: number
  /** False when writing failed (disk full, not writable); traffic still flows. */
  recording: boolean
  error: string | null
}

export interface AppInfo {
  version: string
  dataDir: string
  /** 'electron' or 'web', so the UI can adapt a few labels. */
  shell: 'electron' | 'web'
}

export interface ListPage {
  total: number
  offset: number
  items: ExchangeSummary[]
}
