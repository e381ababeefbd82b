import type { ExchangeSummary, TokenUsage } from '@shared/types'

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

export function formatTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
}

export function formatDateTime(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatTime(iso)}`
}

export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—'
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`
  return `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 2 : 1)} MB`
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
  const m = Math.floor(ms / 60_000)
  return `${m}m ${Math.round((ms % 60_000) / 1000)}s`
}

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—'
  if (n < 10_000) return String(n)
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 100_000 ? 1 : 0)}k`
  return `${(n / 1_000_000).toFixed(1)}M`
}

export function formatTokens(usage: TokenUsage | null): string {
  if (!usage) return ''
  return `${formatCount(usage.inputTokens)} / ${formatCount(usage.outputTokens)}`
}

export type StatusTone = 'ok' | 'redirect' | 'client-error' | 'server-error' | 'failed' | 'pending' | 'neutral'

/** 400–499 and errors inside a 2xx body red, 5xx and transport failures orange-red, in-flight its own tone. */
export function statusTone(s: Pick<ExchangeSummary, 'status' | 'state' | 'error' | 'bodyError'>): StatusTone {
  if (s.state === 'failed' || s.error) return 'failed'
  if (s.bodyError && (s.status === null || s.status < 400)) return 'client-error'
  if (s.status === null) return s.state === 'aborted' ? 'failed' : 'pending'
  if (s.status >= 500) return 'server-error'
  if (s.status >= 400) return 'client-error'
  if (s.status >= 300) return 'redirect'
  if (s.status >= 200) return 'ok'
  return 'neutral'
}

export const isInFlight = (s: Pick<ExchangeSummary, 'state'>): boolean =>
  s.state === 'pending' || s.state === 'streaming'

/** The request failed in a way the diagnosis explains: an HTTP error status or an error inside the body. */
export const isFailedRequest = (s: Pick<ExchangeSummary, 'status' | 'bodyError'>): boolean =>
  (s.status ?? 0) >= 400 || !!s.bodyError
