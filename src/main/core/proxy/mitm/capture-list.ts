// Which CONNECT targets are decrypted. Patterns: `*.example.com` (any subdomain, not the bare domain),
// `api.example.com` (that host, any port), `api.example.com:8443` / `127.0.0.1:9000` / `[::1]:443` (that port).
import { isIP } from 'node:net'

export const DEFAULT_CAPTURE_HOSTS = ['*.xiaomimimo.com']

export class CaptureListError extends Error {}

interface Rule {
  host: string
  wildcard: boolean
  port: number | null
}

export interface Authority {
  host: string
  port: number
}

/** `host:port` as in a CONNECT request line; IPv6 in brackets. Host comes back lower-case, brackets removed. */
export function parseAuthority(text: string, defaultPort?: number): Authority | null {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(text.trim())
  if (!m) return null
  const host = (m[1] ?? m[2]).toLowerCase().replace(/\.$/, '')
  const port = m[3] !== undefined ? Number(m[3]) : defaultPort
  if (port === undefined || (m[3] !== undefined && (port < 1 || port > 65535))) return null
  if (m[1] !== undefined && isIP(host) !== 6) return null
  if (m[2] !== undefined && !/^[a-z0-9_.-]+$/.test(host)) return null
  return { host, port }
}

/** Splits a `--capture` value (commas or spaces) into patterns, checking each. */
export function parseCaptureList(input: string | readonly string[]): string[] {
  const items = (typeof input === 'string' ? [input] : input).flatMap((s) => s.split(/[\s,]+/)).filter(Boolean)
  for (const item of items) compileRule(item)
  return items
}

function compileRule(pattern: string): Rule {
  // A pasted URL is taken for its host: `https://api.example.com/v1` → api.example.com (port 443 is not forced).
  const text = pattern.trim().replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '')
  const wildcard = text.startsWith('*.')
  const auth = parseAuthority(wildcard ? text.slice(2) : text, 0)
  if (!auth || (wildcard && (isIP(auth.host) || !auth.host.includes('.')))) {
    throw new CaptureListError(`"${pattern}" is not a capture pattern; use a host (api.example.com), a host:port, or *.example.com`)
  }
  return { host: auth.host, wildcard, port: auth.port || null }
}

export function captureMatcher(patterns: readonly string[]): (host: string, port: number) => boolean {
  const rules = patterns.map(compileRule)
  return (host, port) => {
    const h = host.toLowerCase().replace(/\.$/, '')
    return rules.some((r) => (r.port === null || r.port === port) && (r.wildcard ? h.endsWith(`.${r.host}`) : h === r.host))
  }
}

/** Whether any pattern names `host`, on any port (NO_PROXY entries are per host). */
export function onCaptureList(patterns: readonly string[], host: string): boolean {
  const h = host.toLowerCase()
  return patterns.map(compileRule).some((r) => (r.wildcard ? h.endsWith(`.${r.host}`) : h === r.host))
}

/** Exact hosts on the list: their leaves can be made before the first connection. */
export function exactHosts(patterns: readonly string[]): string[] {
  return [...new Set(patterns.map(compileRule).filter((r) => !r.wildcard).map((r) => r.host))]
}
