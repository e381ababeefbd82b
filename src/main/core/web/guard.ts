// Web mode's gate: loopback Host names only (a DNS-rebinding page cannot reach the API through its own
// name), a random token on every API call and WebSocket, and a same-origin check for WebSockets, which
// browsers open cross-origin without asking.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { WEB } from '../../../shared/api'

export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]']

export function allowedHost(host: string | undefined, port: number, extraHosts: string[] = []): boolean {
  if (!host) return false
  const names = [...LOOPBACK_NAMES, ...extraHosts]
  return names.some((n) => host === `${n}:${port}` || (port === 80 && host === n))
}

export function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function requestToken(req: IncomingMessage): string | null {
  const header = req.headers[WEB.tokenHeader]
  if (typeof header === 'string') return header
  const url = new URL(req.url ?? '/', 'http://x')
  return url.searchParams.get(WEB.tokenQuery)
}

/** A WebSocket's Origin, when the browser sends one, must be this server. */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin
  if (!origin) return true
  try {
    return new URL(origin).host === req.headers.host
  } catch {
    return false
  }
}
