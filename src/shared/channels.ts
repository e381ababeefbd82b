// Channel names, `domain:verb`, in one list. Kept free of imports so the sandboxed preload can bundle it alone.
export const CALL_NAMES = [
  'app:info',
  'exchanges:list',
  'exchanges:get',
  'exchanges:body',
  'exchanges:stream',
  'exchanges:request-view',
  'exchanges:diagnose',
  'exchanges:turn-diff',
  'conversations:list',
  'conversations:get',
  'import:file',
  'replay:apply-fix',
  'replay:edit',
  'replay:send',
  'replay:cancel',
  'repro:minimize',
  'repro:cancel',
  'repro:export',
  'keys:set',
  'keys:status',
  'proxy:status',
  'proxy:set-upstream',
  'proxy:set-mitm',
  'proxy:regenerate-ca',
  'store:status',
  'exchanges:delete',
  'exchanges:search',
  'exchanges:search-cancel',
  'store:compact',
  'exchanges:pin',
  'exchanges:copy',
  'ui:settings',
  'ui:save-settings',
  'repair:status',
  'repair:add',
  'repair:set',
  'repair:delete',
  'breakpoints:status',
  'breakpoints:add',
  'breakpoints:remove',
  'breakpoints:break-next',
  'breakpoints:resume',
  'breakpoints:set-timeout',
  'breakpoints:fixes',
  'breakpoints:apply-fix',
  'exchanges:original-body'
] as const

export const EVENT_NAMES = ['exchange:upserted', 'conversation:upserted', 'replay:status', 'repro:progress', 'proxy:status', 'store:status', 'exchanges:deleted', 'search:results', 'store:progress', 'repair:status', 'breakpoints:status'] as const

export type CallName = (typeof CALL_NAMES)[number]
export type EventName = (typeof EVENT_NAMES)[number]

/** Electron IPC: calls use the call name as channel; all events travel on this one channel. */
export const IPC_EVENT_CHANNEL = 'inspector:event'

/** Web mode: paths and the header that carries the access token. */
export const WEB = {
  callPath: (name: CallName) => `/api/call/${name}`,
  eventsPath: '/api/events',
  tokenHeader: 'x-inspector-token',
  tokenQuery: 'token'
} as const

/** Largest file the UI may import in one call (a long session's HAR runs to hundreds of MB). */
export const MAX_IMPORT_CHARS = 512 * 1024 * 1024
