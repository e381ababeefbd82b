// The one choke point for secrets. Everything written to disk or exported passes through here: key headers
// and cookies become a fingerprint (`tp-…9f2c`: the key's public prefix and 4 hex digits of its SHA-256),
// and key-like strings inside bodies are replaced the same way.
import type { HeaderList } from '../../../shared/types'
import { BEARER_PATTERN_SOURCE, fingerprint, KEY_PATTERN_SOURCE } from './key-patterns'
import { redactBytes } from './redact-bytes'

export { fingerprint }

const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'api-key',
  'x-api-key',
  'x-goog-api-key',
  'cookie',
  'set-cookie'
])

const KEY_PATTERN = new RegExp(KEY_PATTERN_SOURCE, 'g')
const BEARER_PATTERN = new RegExp(BEARER_PATTERN_SOURCE, 'g')

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase())
}

/** A value that is already a fingerprint (an imported `show` file, a HAR we exported) stays the one it was. */
const FINGERPRINT = /^(?:sk-|tp-)?…[0-9a-f]{4}$/

export function isFingerprint(value: string): boolean {
  return FINGERPRINT.test(value)
}

export function redactHeaderValue(name: string, value: string): string {
  if (!isSecretHeader(name)) return value
  const scheme = /^(Bearer|Basic|Token)\s+/i.exec(value)
  const secret = scheme ? value.slice(scheme[0].length) : value
  if (isFingerprint(secret)) return value
  return (scheme ? scheme[0] : '') + fingerprint(secret)
}

export function redactHeaders(headers: HeaderList): HeaderList {
  return headers.map(([name, value]) => [name, redactHeaderValue(name, value)])
}

export function redactText(text: string): string {
  return text
    .replace(KEY_PATTERN, (key) => fingerprint(key))
    .replace(BEARER_PATTERN, (_m, scheme: string, token: string) => scheme + fingerprint(token))
}

/** Returns the same Buffer when it holds nothing key-like (the usual case: no copy, no decode). */
export function redactBody(body: Buffer): Buffer {
  return redactBytes(body)
}

const SECRET_QUERY = /^(key|api[-_]?key|access[-_]?token|token|secret|auth|signature|sig)$/i

/** A URL with key-like query parameters and user info removed, e.g. `?key=…` → `?key=REDACTED`. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw)
    let changed = false
    for (const name of [...url.searchParams.keys()]) {
      if (SECRET_QUERY.test(name)) {
        url.searchParams.set(name, 'REDACTED')
        changed = true
      }
    }
    if (url.username || url.password) {
      url.username = ''
      url.password = ''
      changed = true
    }
    return redactText(changed ? url.href : raw)
  } catch {
    return redactText(raw)
  }
}

/** The same for a request target (`/v1/chat/completions?key=…`). */
export function redactPath(path: string): string {
  if (!path.includes('?')) return redactText(path)
  const base = 'http://x'
  const redacted = redactUrl(base + path)
  return redacted.startsWith(base) ? redacted.slice(base.length) : redactText(path)
}
