// The one contract between UI and core. Electron IPC, the preload bridge and the web-mode HTTP/WebSocket
// server are adapters of these two maps; nothing else crosses the boundary.
import { z } from 'zod'
import type {
  AppInfo,
  ConversationDetail,
  ConversationPage,
  ConversationSummary,
  Diagnosis,
  EditResult,
  ExportedBundle,
  MinimizeStatus,
  ImportResult,
  KeyStatus,
  ReplayStarted,
  ReplayStatus,
  RequestView,
  TurnDiff,
  BodyView,
  ExchangeDetail,
  ExchangeSummary,
  ListPage,
  ProxyStatus,
  StoreStatus,
  StreamView,
  DeleteResult,
  SearchResults,
  CompactResult,
  StoreProgress,
  CopyResult,
  RepairStatus,
  BreakpointStatus
} from './types'
import { CONVERSATION_SORT_KEYS, COPY_FORMATS, EXCHANGE_SORT_KEYS, type UiSettings } from './list-query'

import { CALL_NAMES, EVENT_NAMES, IPC_EVENT_CHANNEL, MAX_IMPORT_CHARS, WEB, type CallName, type EventName } from './channels'

export { CALL_NAMES, EVENT_NAMES, IPC_EVENT_CHANNEL, MAX_IMPORT_CHARS, WEB }
export type { CallName, EventName }

const id = z.string().min(1).max(200)
const sortDir = z.enum(['asc', 'desc'])
/** The filter bar's text (src/main/core/filter): free text and key:value terms. */
const filterText = z.string().max(4000).optional()

const columnSettings = z.array(z.object({ id: z.string().min(1).max(40), width: z.number().int().min(24).max(2000).optional(), hidden: z.boolean().optional() })).max(40)
/** What the UI remembers (ui.json); every field optional, a save merges the fields it names. */
export const uiSettingsSchema = z.object({
  exchangeColumns: columnSettings.optional(),
  conversationColumns: columnSettings.optional(),
  exchangeSort: z.object({ key: z.enum(EXCHANGE_SORT_KEYS), dir: sortDir }).optional(),
  conversationSort: z.object({ key: z.enum(CONVERSATION_SORT_KEYS), dir: sortDir }).optional(),
  newestFirst: z.boolean().optional(),
  errorsOnly: z.boolean().optional(),
  searchBodies: z.boolean().optional(),
  clearedBefore: z.number().int().min(0).optional(),
  sideBySide: z.boolean().optional()
}) satisfies z.ZodType<UiSettings>

/** Argument schemas: every call's argument is validated by the adapter before it reaches the core. */
export const callArgs = {
  'app:info': z.null(),
  'exchanges:list': z.object({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(5000).default(500),
    filter: filterText,
    // Optional (not defaulted) so callers from before filters still type-check; absent means none.
    sort: z.object({ key: z.enum(EXCHANGE_SORT_KEYS), dir: sortDir }).optional(),
    /** "Clear": exchanges with a lower seq are left out (pinned ones stay). */
    since: z.number().int().min(0).optional(),
    errorsOnly: z.boolean().optional(),
    /** Free text searches the stored bodies too (streamed: ask again as `search:results` arrive). */
    bodies: z.boolean().optional()
  }),
  'exchanges:get': z.object({ id }),
  'exchanges:body': z.object({ id, part: z.enum(['request', 'response']) }),
  'exchanges:stream': z.object({ id }),
  'exchanges:request-view': z.object({ id }),
  'exchanges:diagnose': z.object({ id }),
  'exchanges:turn-diff': z.object({ id }),
  'conversations:list': z.object({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(5000).default(500),
    filter: filterText,
    sort: z.object({ key: z.enum(CONVERSATION_SORT_KEYS), dir: sortDir }).optional(),
    errorsOnly: z.boolean().optional(),
    bodies: z.boolean().optional()
  }),
  'conversations:get': z.object({ id }),
  // The file read by the UI (a dropped or opened file), as text or, for a zip (a repro bundle) or any file the UI
  // did not decode, as base64 bytes; the core parses it.
  'import:file': z
    .object({ name: z.string().max(500), text: z.string().max(MAX_IMPORT_CHARS).optional(), base64: z.string().max(MAX_IMPORT_CHARS).optional() })
    .refine((a) => (a.text === undefined) !== (a.base64 === undefined), { message: 'give the file as text or as base64, one of the two' }),
  'replay:apply-fix': z.object({ id, fixId: z.string().min(1).max(100), body: z.string().max(MAX_IMPORT_CHARS) }),
  'replay:edit': z.object({
    id,
    body: z.string().max(MAX_IMPORT_CHARS),
    op: z.discriminatedUnion('op', [
      z.object({ op: z.literal('delete-message'), message: z.number().int().min(0) }),
      z.object({ op: z.literal('delete-block'), message: z.number().int().min(0), block: z.number().int().min(0) }),
      z.object({ op: z.literal('move-block'), message: z.number().int().min(0), from: z.number().int().min(0), to: z.number().int().min(0) }),
      z.object({ op: z.literal('set-text'), message: z.number().int().min(0), block: z.number().int().min(0), text: z.string() }),
      z.object({ op: z.literal('toggle-thinking') })
    ])
  }),
  'replay:send': z.object({
    id,
    body: z.string().max(MAX_IMPORT_CHARS).nullable(),
    headers: z.array(z.tuple([z.string().min(1).max(200), z.string().max(100_000)])).max(500).nullable(),
    target: z
      .object({ profile: z.enum(['mimo', 'mimo-token-plan', 'mimo-token-plan-sgp', 'mimo-token-plan-ams', 'custom']).nullable(), url: z.string().url().optional() })
      .nullable(),
    key: z.string().min(1).max(1000).nullable()
  }),
  'replay:cancel': z.object({ replayId: id }),
  'repro:minimize': z.object({
    id,
    mode: z.enum(['upstream', 'predicted']),
    budget: z.number().int().min(1).max(1000).default(60),
    target: z
      .object({ profile: z.enum(['mimo', 'mimo-token-plan', 'mimo-token-plan-sgp', 'mimo-token-plan-ams', 'custom']).nullable(), url: z.string().url().optional() })
      .nullable()
      .default(null),
    key: z.string().min(1).max(1000).nullable().default(null)
  }),
  'repro:cancel': z.object({ jobId: id }),
  'repro:export': z.object({
    id,
    /** A minimize run of this exchange: its request.json is that run's exact bytes (minimalBody etc. are then ignored). */
    jobId: z.string().uuid().nullable().optional(),
    minimalBody: z.string().max(MAX_IMPORT_CHARS).nullable().default(null),
    removed: z.array(z.string().max(2000)).max(1000).default([]),
    minimizedBy: z.enum(['upstream', 'predicted']).nullable().default(null)
  }),
  'keys:set': z.object({ key: z.string().min(8).max(1000), remember: z.boolean().default(false) }),
  'keys:status': z.null(),
  'proxy:status': z.null(),
  'proxy:set-upstream': z.object({
    profile: z.enum(['mimo', 'mimo-token-plan', 'mimo-token-plan-sgp', 'mimo-token-plan-ams', 'custom']),
    url: z.string().url().optional()
  }),
  'proxy:set-mitm': z.object({
    enabled: z.boolean(),
    port: z.number().int().min(0).max(65535).optional(),
    captureHosts: z.array(z.string().min(1).max(300)).max(200).optional()
  }),
  'proxy:regenerate-ca': z.null(),
  'store:status': z.null(),
  'exchanges:delete': z.object({ ids: z.array(id).min(1).max(100_000) }),
  // Queries longer than a few hundred bytes are found too, by their start and then checked body by body.
  'exchanges:search': z.object({
    text: z.string().min(1).max(10_000),
    caseSensitive: z.boolean().default(false),
    parts: z.array(z.enum(['request', 'response'])).min(1).max(2).default(['request', 'response'])
  }),
  'exchanges:search-cancel': z.object({ searchId: id }),
  'store:compact': z.null(),
  'exchanges:pin': z.object({ ids: z.array(id).min(1).max(100_000), pinned: z.boolean() }),
  'exchanges:copy': z.object({
    id,
    format: z.enum(COPY_FORMATS),
    /** The real key from this run's memory instead of $MIMO_API_KEY (or a fingerprint); only when the user asks. */
    withKey: z.boolean().default(false),
    /** For message-json and message-text: the index in the request's `messages`. */
    message: z.number().int().min(0).optional()
  }),
  'ui:settings': z.null(),
  'ui:save-settings': uiSettingsSchema,
  'repair:status': z.null(),
  'repair:add': z.object({
    fix: z.string().min(1).max(100),
    scope: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('everything') }),
      z.object({ kind: z.literal('upstream'), baseUrl: z.string().url().max(2000) }),
      z.object({ kind: z.literal('conversation'), conversationId: id })
    ])
  }),
  'repair:set': z.object({ id, enabled: z.boolean() }),
  'repair:delete': z.object({ id }),
  'breakpoints:status': z.null(),
  'breakpoints:add': z.object({ filter: z.string().max(2000), phase: z.enum(['request', 'response', 'both']).default('request'), once: z.boolean().default(false) }),
  'breakpoints:remove': z.object({ id }),
  /** Pauses the next request that continues this conversation, once. */
  'breakpoints:break-next': z.object({ conversationId: id }),
  'breakpoints:resume': z.object({
    id,
    action: z.enum(['continue', 'answer', 'drop']),
    /** continue: the edited request body to send instead (null: as it is). */
    body: z.string().max(MAX_IMPORT_CHARS).nullable().default(null),
    /** answer: the response the client gets instead of the upstream's. */
    response: z
      .object({
        status: z.number().int().min(100).max(599),
        headers: z.array(z.tuple([z.string().min(1).max(200), z.string().max(100_000)])).max(500).default([['content-type', 'application/json']]),
        body: z.string().max(MAX_IMPORT_CHARS)
      })
      .nullable()
      .default(null)
  }),
  'breakpoints:set-timeout': z.object({ seconds: z.number().int().min(1).max(3600) }),
  /** The fixes that would change this paused request's body (given as edited so far), best first as the catalogue orders them. */
  'breakpoints:fixes': z.object({ id, body: z.string().max(MAX_IMPORT_CHARS) }),
  'breakpoints:apply-fix': z.object({ id, fixId: z.string().min(1).max(100), body: z.string().max(MAX_IMPORT_CHARS) }),
  'exchanges:original-body': z.object({ id })
} as const satisfies Record<CallName, z.ZodType>

export type CallArg<K extends CallName> = z.input<(typeof callArgs)[K]>
export type ParsedCallArg<K extends CallName> = z.output<(typeof callArgs)[K]>

/** Results of each call. */
export interface CallResults {
  'app:info': AppInfo
  'exchanges:list': ListPage
  'exchanges:get': ExchangeDetail | null
  'exchanges:body': BodyView
  /** null when the response is not an event stream. */
  'exchanges:stream': StreamView | null
  /** null when the request body is not JSON of a known protocol. */
  'exchanges:request-view': RequestView | null
  /** Diagnosis of a failed exchange, or a lint of a successful one; null when the request cannot be read. */
  'exchanges:diagnose': Diagnosis | null
  /** Against the last successful request of the same conversation; null when there is none. */
  'exchanges:turn-diff': TurnDiff | null
  'conversations:list': ConversationPage
  'conversations:get': ConversationDetail | null
  'import:file': ImportResult
  'replay:apply-fix': EditResult
  'replay:edit': EditResult
  'replay:send': ReplayStarted
  'replay:cancel': { cancelled: boolean }
  'repro:minimize': { jobId: string }
  'repro:cancel': { cancelled: boolean }
  'repro:export': ExportedBundle
  'keys:set': KeyStatus
  'keys:status': KeyStatus
  'proxy:status': ProxyStatus
  'proxy:set-upstream': ProxyStatus
  /** Turns the forward (HTTPS_PROXY) proxy on or off, or changes its port or capture list. */
  'proxy:set-mitm': ProxyStatus
  /** A new CA: certificates made by the old one stop being trusted. */
  'proxy:regenerate-ca': ProxyStatus
  'store:status': StoreStatus
  /** Tombstones: the exchanges leave the list and the store now, their bytes at the next compaction. */
  'exchanges:delete': DeleteResult
  /** Starts a body search; results arrive as `search:results` events. */
  'exchanges:search': { searchId: string }
  'exchanges:search-cancel': { cancelled: boolean }
  /** Rewrites the store without deleted exchanges; progress as `store:progress` events. */
  'store:compact': CompactResult,
  /** Pins or unpins; answers with every pinned id. */
  'exchanges:pin': { pinned: string[] }
  'exchanges:copy': CopyResult
  'ui:settings': UiSettings
  /** Merges the fields given and answers with the whole of what is saved. */
  'ui:save-settings': UiSettings
  /** Repair rules, how many are on, and how many requests they patched this run. */
  'repair:status': RepairStatus
  'repair:add': RepairStatus
  'repair:set': RepairStatus
  'repair:delete': RepairStatus
  'breakpoints:status': BreakpointStatus
  'breakpoints:add': BreakpointStatus
  'breakpoints:remove': BreakpointStatus
  'breakpoints:break-next': BreakpointStatus
  'breakpoints:resume': BreakpointStatus
  'breakpoints:set-timeout': BreakpointStatus
  'breakpoints:fixes': { fixIds: string[] }
  /** A fix applied to a paused request's body, with the evidence of the conversation it continues. */
  'breakpoints:apply-fix': EditResult
  /** A patched exchange's request as the client sent it (`exchanges:body` gives what was sent); null when not patched. */
  'exchanges:original-body': BodyView | null
}

/** Events pushed from core to UI. */
export interface ApiEvents {
  /** An exchange started, received its response head, or ended. Carries the whole summary. */
  'exchange:upserted': ExchangeSummary
  /** A conversation gained a request or changed state. */
  'conversation:upserted': ConversationSummary
  /** A replay is sending, waiting to retry after 429/503, done, cancelled or failed. */
  'replay:status': ReplayStatus
  /** A minimize job moved: requests used, size now, best result so far. */
  'repro:progress': MinimizeStatus
  'proxy:status': ProxyStatus
  'store:status': StoreStatus
  /** Exchanges removed from the store (by this client or another). */
  'exchanges:deleted': { ids: string[] }
  /** Body search results as they are found, then a last batch with `done`. */
  'search:results': SearchResults
  'store:progress': StoreProgress
  /** A rule changed or a request was patched. */
  'repair:status': RepairStatus
  /** A breakpoint was added or removed, an exchange paused or went on. */
  'breakpoints:status': BreakpointStatus
}

// Compile-time check that the event list and the payload map name the same events.
type _EventKeysCheck = [keyof ApiEvents] extends [EventName] ? ([EventName] extends [keyof ApiEvents] ? true : never) : never
const _eventKeys: _EventKeysCheck = true
void _eventKeys

/** What the core implements: one async method per call. */
export type InspectorHandlers = { [K in CallName]: (arg: ParsedCallArg<K>) => Promise<CallResults[K]> }

/** What the renderer sees as window.inspector (Electron) or the web client: named methods plus events. */
export type InspectorApi = { [K in CallName]: (arg: CallArg<K>) => Promise<CallResults[K]> } & {
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void
}

/** Validate an untrusted argument; throws ApiArgError with a readable reason. */
export function parseCallArg<K extends CallName>(name: K, raw: unknown): ParsedCallArg<K> {
  const schema = callArgs[name]
  const result = schema.safeParse(raw === undefined ? null : raw)
  if (!result.success) {
    const reason = result.error.issues.map((i) => `${i.path.join('.') || 'argument'}: ${i.message}`).join('; ')
    throw new ApiArgError(`${name}: ${reason}`)
  }
  return result.data as ParsedCallArg<K>
}

export function isCallName(name: string): name is CallName {
  return (CALL_NAMES as readonly string[]).includes(name)
}

export class ApiArgError extends Error {
  override name = 'ApiArgError'
}
