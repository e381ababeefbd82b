// What a copy is made from: the exchange as recorded (method, the upstream URL it went to, headers in order,
// the request bytes exactly as sent, content-encoding and all) and how each key header is written: left out
// for $MIMO_API_KEY (the default), or the real key from this run's memory when the user asked for it.
import type { HeaderList } from '../../../shared/types'
import type { RawBody } from '../body-views'
import { isSecretHeader } from '../capture/redact'
import type { KeyVault } from '../replay/key-vault'

/** Where the copies read the key from when it is left out (the repro bundle's scripts use the same name). */
export const KEY_ENV = 'MIMO_API_KEY'
/** An imported exchange may have only a path; the copies send it to MiMo's endpoint, as the bundle does. */
const DEFAULT_ORIGIN = 'https://api.xiaomimimo.com'

export interface CopyHeader {
  name: string
  /** As recorded (a key as its fingerprint), or with the real key put back. */
  value: string
  /** Set when the value is a key the copy leaves out: written as scheme + $MIMO_API_KEY where a format can. */
  key?: { scheme: string; fingerprint: string }
}

export interface CopySource {
  method: string
  url: string
  headers: CopyHeader[]
  body: Buffer | null
  /** Lines for the user: the key left out, cookies dropped, a body cut by the capture limit. */
  notes: string[]
  withKey: boolean
}

// Framing the HTTP client sets itself; copying them would make a command that lies about its own body.
const FRAMING = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'keep-alive', 'proxy-connection', 'te', 'upgrade', 'trailer'])
const SCHEME = /^(Bearer|Basic|Token)\s+/i

export function absoluteUrl(upstreamUrl: string, path: string): string {
  try {
    return new URL(upstreamUrl).href
  } catch {
    return DEFAULT_ORIGIN + (path.startsWith('/') ? path : `/${path}`)
  }
}

export function copySource(
  request: { method: string; upstreamUrl: string; path: string },
  raw: RawBody,
  opts: { withKey: boolean; keys: KeyVault }
): CopySource {
  const notes: string[] = []
  const headers: CopyHeader[] = []
  let keyed = false
  let missing: string | null = null
  let cookies = false
  for (const [name, value] of raw.headers as HeaderList) {
    const lower = name.toLowerCase()
    if (FRAMING.has(lower) || lower.startsWith(':')) continue
    if (lower === 'cookie') {
      // Stored as a fingerprint and never kept in memory: nothing to put back.
      cookies = true
      continue
    }
    if (!isSecretHeader(lower)) {
      headers.push({ name, value })
      continue
    }
    const scheme = SCHEME.exec(value)?.[0] ?? ''
    const fp = value.slice(scheme.length)
    if (!fp.includes('…')) {
      headers.push({ name, value })
      continue
    }
    const real = opts.withKey ? (opts.keys.byFingerprint(fp) ?? null) : null
    if (real) {
      keyed = true
      headers.push({ name, value: scheme + real })
    } else {
      if (opts.withKey) missing = fp
      headers.push({ name, value, key: { scheme, fingerprint: fp } })
    }
  }
  const keyHeader = headers.find((h) => h.key)
  if (missing) notes.push(`The key ${missing} was not seen in this run (it stays in memory only while the app runs): the copy reads $${KEY_ENV} instead.`)
  else if (keyHeader) notes.push(`The key is left out: the copy reads $${KEY_ENV} (this request used ${keyHeader.key!.fingerprint}).`)
  if (cookies) notes.push('Cookies are left out (they are not kept).')
  if (raw.cut) notes.push(`The request body was larger than the capture limit: only its first ${raw.bytes?.length ?? 0} bytes were recorded, so the copy sends less than the original.`)
  return {
    method: request.method,
    url: absoluteUrl(request.upstreamUrl, request.path),
    headers,
    body: raw.bytes && raw.bytes.length > 0 ? raw.bytes : null,
    notes,
    withKey: keyed
  }
}

export const hasHeader = (src: CopySource, name: string): boolean => src.headers.some((h) => h.name.toLowerCase() === name)

/** Valid UTF-8 with no control characters but tab, CR and LF: safe to write as text in a command. */
export function isPlainText(bytes: Buffer): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(bytes.toString('latin1'))) return false
  return Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)
}
