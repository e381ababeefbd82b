// Wire types: what crosses IPC, the web-mode HTTP API and the disk. View models live in the renderer.

export type Protocol = 'anthropic' | 'openai' | 'unknown'

/**
 * pending: request sent, no response yet; streaming: response head received, body flowing; paused: held at a
 * breakpoint until the user continues, answers or drops it (or its timeout continues it).
 */
export type ExchangeState = 'pending' | 'streaming' | 'completed' | 'failed' | 'aborted' | 'paused'

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
  /** An error reported inside a 2xx body (an `error` event in a stream); the useful text, unwrapped. */
  bodyError?: string | null
  durationMs: number | null
  ttfbMs: number | null
  requestSize: number
  responseSize: number
  usage: TokenUsage | null
  conversationId: string | null
  /** Who answered, from host, path and model (computed when recorded, or when listed for older records). */
  provider?: ProviderId
  /** The session the client named for itself (X-Claude-Code-Session-Id, x-session-id, …), when it named one. */
  sessionId?: string | null
  /** An imported copy of this recorded exchange: shown, but never counted as a new failure. */
  duplicateOf?: string | null
  /** The request turned thinking on or carries thinking, or the response thought (recorded from this version on). */
  thinking?: boolean
  /** The user pinned it: it survives "Clear" and matches `is:pinned`. */
  pinned?: boolean
  /** The request sent upstream is not the client's: a repair rule or a breakpoint edit changed it (both bodies are kept). */
  patched?: boolean
  /** What the repair rules did to this request: the fixes applied, and the rules that could not apply and why. */
  repair?: RepairOutcome | null
  /** It was held at a breakpoint, and how it went on. */
  breakpoint?: BreakpointOutcome | null
  /**
   * The agent or library that sent the request (headers, system prompt, request shape), identified when
   * recorded; null when nothing tells. Absent on in-flight exchanges and on records from before clients were
   * identified (listed from their headers, see core/clients/record-client.ts).
   */
  client?: ClientInfo | null
}

/** Where a repair rule applies: one conversation, one upstream (base URL), or every request. */
export type RepairScope = { kind: 'everything' } | { kind: 'upstream'; baseUrl: string } | { kind: 'conversation'; conversationId: string }

export interface RepairRule {
  id: string
  /** A fix id of the catalogue (restore-thinking, fold-system-messages, …). */
  fix: string
  scope: RepairScope
  enabled: boolean
  createdAt: string
  /** 'cli': given with `serve --repair`, for this run only (not saved). */
  source: 'saved' | 'cli'
}

export interface RepairStatus {
  rules: RepairRule[]
  /** Rules on now. */
  active: number
  /** Requests the rules changed since this run started. */
  patchedThisRun: number
  /** Fix ids a rule may use (the catalogue minus fixes that are not a body change). */
  fixes: string[]
}

export interface RepairOutcome {
  applied: Array<{ ruleId: string; fix: string; changes: string[] }>
  /** Rules in scope that changed nothing: why (nothing to restore from, nothing to change, a body that is not JSON). */
  skipped: Array<{ ruleId: string; fix: string; reason: string }>
}

export type BreakPhase = 'request' | 'response' | 'both'

export interface Breakpoint {
  id: string
  /** The list's filter language (path:, model:, status:, conversation:, has:error, …); empty matches everything. */
  filter: string
  phase: BreakPhase
  /** Removed after the first exchange it pauses ("break on the next request of this conversation"). */
  once: boolean
  createdAt: string
  source: 'api' | 'cli'
}

export interface PausedExchange {
  exchangeId: string
  breakpointId: string
  phase: 'request' | 'response'
  since: string
  /** When it continues unedited by itself. */
  timeoutAt: string
  /** For a response pause: the upstream's status (its body has not been read yet). */
  status: number | null
}

export interface BreakpointStatus {
  breakpoints: Breakpoint[]
  paused: PausedExchange[]
  timeoutMs: number
}

export interface BreakpointOutcome {
  phase: 'request' | 'response'
  breakpointId: string
  action: 'continued' | 'edited' | 'answered' | 'dropped' | 'timed-out'
}

/** Who sent a request, as core/clients/identify.ts recognises it. */
export interface ClientInfo {
  /** The agent ("OpenCode"), or the library when no agent is recognised ("OpenAI SDK (Python)"). */
  name: string
  /** null when the traffic does not tell it. */
  version: string | null
  /** The HTTP library under the agent with its version ("Anthropic SDK (JS) 0.94.0"); null when unknown or when name is the library. */
  library: string | null
  /** How it was recognised: "user-agent", "x-title header", "system prompt", "title-generation request", … */
  via: string
}

/** A catalogue entry (docs/clients.md) that explains a finding for the client that sent the request. */
export interface KnownIssueNote {
  /** The entry's id, e.g. `opencode-drops-reasoning-content`. */
  id: string
  /** The client the entry is about (the agent, or the library under it). */
  client: string
  /** affected: the client's version is in the range; unknown: no version sent, or newer than any seen affected with no fix known. */
  status: 'affected' | 'unknown'
  /** The version compared with the range (the agent's or its library's), null when none was sent. */
  version: string | null
  versions: { introduced: string | null; lastAffected: string | null; fixedIn: string | null }
  /** What the client does wrong, one sentence. */
  problem: string
  /** What a user changes, recommended first, one sentence each. */
  workarounds: string[]
  /** The client's own issue, PR or commit first. */
  sources: RuleSource[]
  /** The line shown: "Your client: OpenCode 1.0.185 — known issue …, fixed in …; workaround: …". */
  text: string
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

export interface MitmStatus {
  host: string
  port: number
  listening: boolean
  error: string | null
  url: string
  /** Our CA certificate, for NODE_EXTRA_CA_CERTS. */
  caPath: string
  /** System roots plus our CA, for tools that replace the trust store. */
  bundlePath: string
  captureHosts: string[]
  /** The lines to paste for a terminal (HTTPS_PROXY, NODE_EXTRA_CA_CERTS, …). */
  envLines: EnvLine[]
  /** Set when an intercepted client hung up without a request: it probably does not trust our CA. */
  lastClientTlsError: string | null
}

export interface ProxyStatus {
  reverse: { host: string; port: number; listening: boolean; error: string | null; url: string }
  /** The forward (HTTPS_PROXY) proxy, when turned on. */
  mitm: MitmStatus | null
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
  /** Deleted exchanges whose bytes a compaction would free. */
  deletedPending?: number
  /** True while a compaction runs. */
  compacting?: boolean
}

/** One body that holds the searched text. */
export interface SearchHit {
  id: string
  part: BodyPart
  /** Matches in this body. */
  matches: number
  /** Byte offset of the first match in the body as stored, or as decoded when `decoded`. */
  offset: number
  /** The body is stored compressed (content-encoding) and was searched decoded. */
  decoded: boolean
  /** The text around the first match, on one line. */
  snippet: string
}

/** A batch of search results; the last one of a search has `done` set. */
export interface SearchResults {
  searchId: string
  hits: SearchHit[]
  /** Exchanges looked at so far, of `total`. */
  scanned: number
  total: number
  done: boolean
  cancelled: boolean
  error: string | null
}

export interface DeleteResult {
  /** Removed from the store (their bytes go at the next compaction). */
  deleted: string[]
  /** Not in the store: unknown, or still in flight. */
  notStored: string[]
}

export interface CompactResult {
  records: number
  bytesBefore: number
  bytesAfter: number
}

export interface StoreProgress {
  op: 'compact'
  done: number
  total: number
}

export interface AppInfo {
  version: string
  dataDir: string
  /** 'electron' or 'web', so the UI can adapt a few labels. */
  shell: 'electron' | 'web'
}

export interface ListPage {
  /** Rows in this view (after the filter, the cleared mark and errors-only). */
  total: number
  offset: number
  items: ExchangeSummary[]
  /** Every exchange there is, for "12 of 3,408". */
  all?: number
  /** Filter terms that could not be read, one line each. */
  problems?: string[]
  /** The body search behind the filter's `body:` terms (or its free text, with bodies on), while and after it runs. */
  bodySearch?: BodySearchState | null
}

/** How far the body searches a filter needs have got; rows that match arrive as they are found. */
export interface BodySearchState {
  texts: string[]
  /** Exchanges looked at so far, of `total` (the slowest of the texts). */
  scanned: number
  total: number
  done: boolean
  error: string | null
  /** The store searches still running, for exchanges:search-cancel (a "Stop" in the filter bar). */
  searchIds?: string[]
  /** Stopped before the end: the rows are what was found so far (edit the filter to search again). */
  cancelled?: boolean
}

/** A copy of one exchange in a format a user pastes elsewhere (Copy as cURL, fetch, HTTPie, raw HTTP, HAR, …). */
export interface CopyResult {
  text: string
  /** Something the user should know: the key left out, a body cut by the capture limit, cookies dropped. */
  note: string | null
  /** The copy holds a real key (the user asked for it). */
  withKey: boolean
}

// ---------- Requests as a timeline, diagnosis, conversations ----------

/** One block of a request message, as the timeline shows it. Indices are the API's own. */
export type TimelineBlock =
  | MessageBlock
  | { type: 'tool_result'; toolUseId: string; isError: boolean; text: string }
  | { type: 'image'; mediaType: string | null }

export interface TimelineMessage {
  /** Index in the request's `messages` array, as the API counts it (OpenAI: system messages included). */
  index: number
  role: string
  blocks: TimelineBlock[]
  /** True when `content` was a plain string (Anthropic) rather than an array of blocks. */
  contentIsString: boolean
}

export interface RequestView {
  protocol: 'anthropic' | 'openai'
  model: string | null
  stream: boolean
  /**
   * `thinking.type` as sent: 'enabled', 'adaptive' (Claude Code sends it for non-Claude model names; it thinks),
   * 'disabled'; 'other' for any other type (see thinkingType), 'default' when the request has no `thinking` field.
   */
  thinking: 'enabled' | 'adaptive' | 'disabled' | 'other' | 'default'
  /** The raw `thinking.type` when it is none of the known ones (thinking: 'other'), else null. */
  thinkingType?: string | null
  /** Anthropic top-level `system`, joined; null when absent (OpenAI system prompts are messages). */
  system: string | null
  messages: TimelineMessage[]
  tools: string[]
}

export type Severity = 'error' | 'warning' | 'info'

export interface RuleSource {
  label: string
  url: string | null
}

export interface Finding {
  /** Rule id as in docs/rules.md, e.g. `compat.reasoning-passback-missing`. */
  rule: string
  /** Catalogue number, e.g. `R02`. */
  ref: string
  severity: Severity
  messageIndex: number | null
  /** Block in that message's `content` (Anthropic) or `tool_calls` (OpenAI), or null. */
  blockIndex: number | null
  /** Where in the request body, e.g. `messages[3].content[0]`. */
  path: string | null
  /** One sentence: what is wrong. */
  message: string
  /** One line: the smallest fix. */
  fix: string
  /** Machine ids of the fixes (the replay issue turns them into buttons). */
  fixIds: string[]
  sources: RuleSource[]
  /** The provider's error text or index supports this finding. */
  matchesError: boolean
  /**
   * The recorded response this finding compares the message with (the response that produced it), or null
   * when the finding was not judged against one (no response recorded, or a rule that needs none).
   */
  evidence: FindingEvidence | null
  /** Known bugs of the identified client that produce this rule (empty or absent when none matched). */
  knownIssues?: KnownIssueNote[]
}

/** How an assistant message of a request differs from the recorded response that produced it. */
export type EvidenceChangeKind =
  | 'thinking-dropped'
  | 'thinking-to-text'
  | 'thinking-edited'
  | 'thinking-added'
  | 'signature-emptied'
  | 'signature-removed'
  | 'signature-altered'
  | 'reasoning-dropped'
  | 'reasoning-emptied'
  | 'reasoning-altered'
  | 'reasoning-to-text'
  | 'tool-id-changed'
  | 'tool-name-changed'

/** A recorded response an assistant message was matched with. */
export interface EvidenceRef {
  exchangeId: string
  /** Arrival order in the store (the exchange list's order). */
  seq: number
  /** Its number in its conversation, counted from 1 as the conversation's request strip does; null when unknown. */
  n: number | null
  /** In the same conversation as the request it explains. */
  sameConversation: boolean
  /** How it was found: the message's tool call ids, its text, or its place in the conversation. */
  matchedBy: 'tool-ids' | 'text' | 'order'
}

export interface FindingEvidence extends EvidenceRef {
  /** The request message compared. */
  messageIndex: number
  /** The block of the recorded response compared with (its index in the response's content), or null. */
  blockIndex: number | null
  /** What changed; null when the message carries what the response returned (e.g. the response had no thinking either). */
  change: EvidenceChangeKind | null
}

/** Who answers a request (host, path, model or the error's shape); `openrouter` is a relay with its own API. */
export type ProviderId = 'mimo' | 'deepseek' | 'moonshot' | 'zhipu' | 'dashscope' | 'openai' | 'anthropic' | 'openrouter' | 'unknown'

export interface UnwrappedError {
  status: number | null
  /** Outer layers peeled off, outermost first: `sse-data-prefix`, `openrouter`, `vertex`, `bedrock`, `litellm`, `new-api`, … */
  wrappers: string[]
  /** The provider whose error this is, by its wording or shape (innermost layer). */
  provider: ProviderId
  /** The relays and the provider as a person reads them, outermost first, e.g. ["LiteLLM", "Zhipu"]. */
  chain?: string[]
  /** Stable id of the error-dialect row the text matched (docs/errors.md), or null for an unknown wording. */
  dialect?: string | null
  /** What the text names besides an index: tool ids, a content part type, a request parameter. */
  names?: { toolIds: string[]; partType: string | null; parameter: string | null; missingField?: string | null }
  type: string | null
  code: string | null
  /** The useful text: MiMo's `error.param`, or the innermost message. */
  message: string
  /** The generic outer text when it differs, e.g. MiMo's `Param Incorrect`. */
  genericMessage: string | null
  /** An index named by the text (`messages.N.content.M`, `messages[N]`, `at index N`), mapped to the request. */
  location: { messageIndex: number; blockIndex: number | null; text: string } | null
}

export interface Diagnosis {
  protocol: 'anthropic' | 'openai'
  status: number | null
  /** The failure, unwrapped; null when the exchange did not fail (then findings are a lint). */
  error: UnwrappedError | null
  findings: Finding[]
  culprit: { messageIndex: number; blockIndex: number | null; rule: string } | null
  /** Who answered (or would answer) the request, and what told. */
  provider?: { id: ProviderId; family: ProviderId; evidence: 'host' | 'path' | 'error' | 'model' | 'default' | 'none' }
  /** How the culprit was found: the error's index, a tool id it names, a content part type it names, or structure alone. */
  culpritVia?: 'index' | 'tool-id' | 'part-type' | 'role' | 'last' | 'rule' | 'structure' | null
  /** The client that sent the request, when the caller identified it (null: not recognised). */
  client?: ClientInfo | null
}

export interface MessageChange {
  messageIndex: number
  kind: 'added' | 'removed' | 'changed'
  role: string
  /** One line a person reads, e.g. "assistant message 5 lost its thinking block". */
  description: string
  /** Set when the change is against the recorded response that produced the message, not the earlier request. */
  evidence?: EvidenceRef | null
}

export interface TurnDiff {
  /** The last successful request of the same conversation it is compared with; null when there is none (then only recorded responses are compared). */
  baseId: string | null
  changes: MessageChange[]
}

export interface ConversationSummary {
  id: string
  /** First user text, shortened. */
  title: string
  protocol: Protocol
  model: string | null
  /** This thread started as an edited copy of another conversation's history. */
  forkOf: string | null
  forkAt: number | null
  requests: number
  /** Messages in its longest request. */
  turns: number
  firstSeq: number
  lastSeq: number
  startedAt: string
  lastAt: string
  inputTokens: number
  outputTokens: number
  errors: number
  /**
   * The agent's last request failed (HTTP error, transport failure or an error inside the stream). Status, colour
   * and `errors` follow the agent's own traffic (captured, or imported when that is all there is), never replays
   * or imported copies of recorded exchanges.
   */
  endedInError: boolean
  lastStatus: number | null
  /** The session the client named (X-Claude-Code-Session-Id, x-session-id, …); null when it named none. */
  sessionId: string | null
  /** This thread's place in its session: the main thread, a side thread (sub-agent, …) or a title request. */
  thread: ThreadRole | null
  /** Threads in its session (1 without a session). */
  sessionThreads: number
  /** seq of its session's first request (its own first request without a session): the list sorts by it. */
  sessionStartSeq: number
  /** Replays sent from the app: branches, with their own status. */
  replays: number
  lastReplayStatus: number | null
  lastReplayFailed: boolean | null
  /** The client of its latest request (not counting replays and imported copies); null when nothing tells. */
  client?: ClientInfo | null
}

export type ThreadRole = 'main' | 'side' | 'title'

export interface ConversationDetail {
  summary: ConversationSummary
  exchanges: ExchangeSummary[]
  /** The request whose timeline to show: the failing one if the conversation ended in error, else the longest. */
  focusId: string
  /** Its session and all the session's threads (this one included), in list order; null without a session. */
  session: { id: string; threads: ConversationSummary[] } | null
}

export interface ImportResult {
  imported: ExchangeSummary[]
  /** Entries that could not be read, with why. */
  skipped: string[]
  /** Set when the file was a repro bundle (the zip the app exports): what it holds and which request failed. */
  bundle?: ImportedBundle
}

export interface ImportedBundle {
  /** The bundle's README.md, as its author exported it. */
  readme: string
  /** The failing request as recorded (request.original.json with response.json), in its conversation. */
  failingId: string | null
  /** The minimized request, when the author minimized it (request.json differs from the original). */
  minimalId: string | null
  files: string[]
}

export interface ConversationPage {
  total: number
  offset: number
  items: ConversationSummary[]
  all?: number
  problems?: string[]
  bodySearch?: BodySearchState | null
}

// ---------- Edit and replay ----------

/** Structured edits the timeline offers, applied by the core to the editor's JSON text. */
export type EditOp =
  | { op: 'delete-message'; message: number }
  | { op: 'delete-block'; message: number; block: number }
  | { op: 'move-block'; message: number; from: number; to: number }
  | { op: 'set-text'; message: number; block: number; text: string }
  | { op: 'toggle-thinking' }

export interface EditResult {
  /** The new request body text (pretty-printed JSON). */
  body: string
  /** What changed, one line each, e.g. "messages[1]: text block 0 became a thinking block". */
  changes: string[]
}

export interface ReplayTarget {
  /** null: the exchange's own upstream URL. */
  profile: UpstreamProfileId | null
  url?: string
}

export interface ReplayRequest {
  id: string
  /** null sends the original bytes exactly. */
  body: string | null
  /** null sends the original headers (secrets restored from this run's memory). */
  headers: HeaderList | null
  target: ReplayTarget | null
  /** A key typed by the user; used when the original's key was not seen in this run. */
  key: string | null
}

export interface ReplayStarted {
  /** The replay's own exchange id; it shows up in the list and the conversation like any exchange. */
  replayId: string
}

export interface ReplayStatus {
  replayId: string
  /** The exchange of the current attempt (each attempt is recorded; a 429 before a 200 makes two). */
  exchangeId: string | null
  state: 'sending' | 'waiting-retry' | 'done' | 'cancelled' | 'failed'
  attempt: number
  /** When waiting after a 429/503: ms until the next try. */
  retryInMs: number | null
  message: string | null
}

export interface KeyStatus {
  /** Fingerprints (`tp-…9f2c`) of keys held in memory for this run. */
  fingerprints: string[]
  /** The desktop app can keep a key encrypted by the OS keychain (safeStorage); web mode cannot. */
  canPersist: boolean
}

// ---------- Minimize and export ----------

export interface MinimizeProgress {
  phase: string
  requestsUsed: number
  budget: number
  originalBytes: number
  currentBytes: number
  messages: number
  originalMessages: number
}

export interface MinimizeOutcome {
  /** The smallest request found that still fails the same way (pretty JSON, for reading). */
  body: string
  /** The same request as the exact bytes that were sent and seen failing: what the bundle's request.json holds. */
  requestText: string
  removed: string[]
  requestsUsed: number
  originalBytes: number
  bytes: number
  oneMinimal: boolean
  mode: 'upstream' | 'predicted'
  stopReason: string | null
}

export interface MinimizeStatus {
  jobId: string
  exchangeId: string
  state: 'running' | 'done' | 'cancelled' | 'stopped' | 'failed'
  progress: MinimizeProgress | null
  /** The best result so far; final when state is not 'running'. */
  result: MinimizeOutcome | null
  message: string | null
}

export interface ExportedBundle {
  fileName: string
  /** The zip, base64, for the UI to save (a download in web mode, a save dialog in the desktop app). */
  zipBase64: string
  files: string[]
}
