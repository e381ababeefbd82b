// The one choke point for secrets. Everything written to disk or exported passes through here: key headers
// and cookies become a fingerprint (`tp-…9f2c`: the key's public prefix and 4 hex digits of its SHA-256),
// and key-like strings inside bodies are replaced the same way.
import { createHash } from 'node:crypto'
import type { HeaderList } from '../../../shared/types'

const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'api-key',
  'x-api-key',
  'x-goog-api-key',
  'cookie',
  'set-cookie'
])

// `sk-…` (pay-as-you-go, OpenAI-style) and `tp-…` (MiMo Token Plan) keys; not preceded by a word character
// so `http-mitm-proxy` is not taken for a key.
const KEY_PATTERN = /(?<![A-Za-z0-9_-])(?:sk|tp)-[A-Za-z0-9][A-Za-z0-9_-]{15,}/g
const BEARER_PATTERN = /\b(Bearer\s+)([A-Za-z0-9._~+/=-]{12,})/g

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase())
}

export function fingerprint(secret: string): string {
  const prefix = /^(sk|tp)-/.exec(secret)?.[0] ?? ''
  const digest = createHash('sha256').update(secret).digest('hex').slice(0, 4)
  return `${prefix}…${digest}`
}

export function redactHeaderValue(name: string, value: string): string {
  if (!isSecretHeader(name)) return value
  const scheme = /^(Bearer|Basic|Token)\s+/i.exec(value)
  if (scheme) return scheme[0] + fingerprint(value.slice(scheme[0].length))
  return fingerprint(value)
}

export function redactHeaders(headers: HeaderList): HeaderList {
  return headers.map(([name, value]) => [name, redactHeaderValue(name, value)])
}

export function redactText(text: string): string {
  return text
    .replace(KEY_PATTERN, (key) => fingerprint(key))
    .replace(BEARER_PATTERN, (_m, scheme: string, token: string) => scheme + fingerprint(token))
}

const MARKERS = ['sk-', 'tp-', 'Bearer'].map((m) => Buffer.from(m))

/** Returns the same Buffer when it holds nothing key-like (the usual case: no copy, no decode). */
export function redactBody(body: Buffer): Buffer {
  if (!MARKERS.some((m) => body.includes(m))) return body
  const text = body.toString('utf8')
  // Only rewrite valid UTF-8 text; a binary (e.g. gzip) body cannot be searched this way.
  if (!Buffer.from(text, 'utf8').equals(body)) return body
  const redacted = redactText(text)
  return redacted === text ? body : Buffer.from(redacted, 'utf8')
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
