// Public types of the MiMo emulator. Written from the provider behaviour in docs/wire-formats.md and docs/rules.md only:
// nothing here may come from src/, so tests that use the emulator say something about the product.

export type Flavour = 'payg' | 'token-plan'
export type Protocol = 'anthropic' | 'openai'

export interface EmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  /** 'payg' accepts `sk-` keys, 'token-plan' accepts `tp-` keys (docs/rules.md R30). */
  flavour?: Flavour
  host?: '127.0.0.1'
  /** Serve HTTPS with this key pair instead of plain HTTP. */
  tls?: { key: string | Buffer; cert: string | Buffer }
  /**
   * Whether streamed errors on the Anthropic path get the `data:` prefix too (default true).
   * W2 only has verbatim `data:{...}` bodies from the OpenAI path; for the Anthropic path it infers plain JSON
   * from how Claude Code prints the error. We default to the prefix because it is the harder case for a
   * parser and matches the one observed gateway behaviour; pass false to emulate the inferred plain body.
   */
  anthropicStreamErrorPrefix?: boolean
  /** Derive ids and timestamps from the request body, so a direct call and a proxied one can be compared byte for byte. */
  deterministic?: boolean
  /**
   * Reject a `system` message after the first one (docs/rules.md R26, reported on Claude Code ≥ 2.1.154 since
   * MiMo#54, clawgod#87) with the reported text `messages[N].role must be either 'user' or 'assistant', but got
   * 'system'` in `param`. Off by default: where MiMo puts the text is not documented, and the other tests
   * replay real Claude Code traffic that carries such a message.
   */
  systemOnlyFirst?: boolean
  /** Picks the reply for a valid request when no scripted turn is queued (undefined: the default turn). */
  reply?: (protocol: Protocol, body: Record<string, unknown>) => ScriptedTurn | undefined
}

export interface ReceivedRequest {
  method: string
  /** Path including the query string, exactly as sent. */
  path: string
  /** Node's `rawHeaders`: a flat list, name, value, name, value, … in the order and case received. */
  headers: string[]
  /** The body bytes exactly as received. */
  body: Buffer
  /** Epoch milliseconds when the body finished arriving. */
  at: number
}

export interface ScriptedToolCall {
  id?: string
  name: string
  input: object
}

/** One assistant reply, rendered in whichever protocol the request uses. */
export interface ScriptedTurn {
  thinking?: string
  text?: string
  toolCalls?: ScriptedToolCall[]
  usage?: { input: number; output: number; reasoning?: number }
  /** Defaults to the request's model. */
  model?: string
  /** Thinking signature. undefined: a generated one; null: unsigned (no signature_delta, `signature: ""`). */
  signature?: string | null
}

export type FailureSpec =
  | { status: 429 | 500 | 503 | 421 | 402 | 403; retryAfter?: number }
  | { cut: 'mid-stream'; afterEvents: number }
  | { hang: true }

export interface Emulator {
  /** e.g. http://127.0.0.1:PORT (https:// when tls is set). */
  url: string
  port: number
  /** Every request, in arrival order, including rejected ones. */
  received: ReceivedRequest[]
  /** Queue replies, FIFO. Each 200 reply (also one that is then cut) takes one; errors take none. */
  script(next: ScriptedTurn | ScriptedTurn[]): void
  /** Queue a failure, FIFO; each authenticated request on a known route takes one. */
  fail(next: FailureSpec): void
  /** Milliseconds between SSE events (default 0). */
  setChunkDelay(ms: number): void
  /** Clears received, the script and failure queues, and the chunk delay. */
  reset(): void
  close(): Promise<void>
}
