// The one contract between UI and core. Electron IPC, the preload bridge and the web-mode HTTP/WebSocket
// server are adapters of these two maps; nothing else crosses the boundary.
import { z } from 'zod'
import type {
  AppInfo,
  BodyView,
  ExchangeDetail,
  ExchangeSummary,
  ListPage,
  ProxyStatus,
  StoreStatus,
  StreamView
} from './types'

import { CALL_NAMES, EVENT_NAMES, IPC_EVENT_CHANNEL, WEB, type CallName, type EventName } from './channels'

export { CALL_NAMES, EVENT_NAMES, IPC_EVENT_CHANNEL, WEB }
export type { CallName, EventName }

const id = z.string().min(1).max(200)

/** Argument schemas: every call's argument is validated by the adapter before it reaches the core. */
export const callArgs = {
  'app:info': z.null(),
  'exchanges:list': z.object({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(5000).default(500)
  }),
  'exchanges:get': z.object({ id }),
  'exchanges:body': z.object({ id, part: z.enum(['request', 'response']) }),
  'exchanges:stream': z.object({ id }),
  'proxy:status': z.null(),
  'proxy:set-upstream': z.object({
    profile: z.enum(['mimo', 'mimo-token-plan', 'mimo-token-plan-sgp', 'mimo-token-plan-ams', 'custom']),
    url: z.string().url().optional()
  }),
  'store:status': z.null()
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
  'proxy:status': ProxyStatus
  'proxy:set-upstream': ProxyStatus
  'store:status': StoreStatus
}

/** Events pushed from core to UI. */
export interface ApiEvents {
  /** An exchange started, received its response head, or ended. Carries the whole summary. */
  'exchange:upserted': ExchangeSummary
  'proxy:status': ProxyStatus
  'store:status': StoreStatus
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
