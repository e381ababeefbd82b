// What a key looks like, and what is kept instead of it. `sk-…` (pay-as-you-go, OpenAI-style) and `tp-…` (MiMo
// Token Plan) keys, not preceded by a word character so `http-mitm-proxy` is not taken for a key; bearer tokens.
import { createHash } from 'node:crypto'

export const KEY_PATTERN_SOURCE = '(?<![A-Za-z0-9_-])(?:sk|tp)-[A-Za-z0-9][A-Za-z0-9_-]{15,}'
export const BEARER_PATTERN_SOURCE = '\\b(Bearer\\s+)([A-Za-z0-9._~+/=-]{12,})'

// The proxy fingerprints the key header of every request, and an agent sends the same key each time:
// keep the last few fingerprints (memory only, like the keyring) rather than hash on each request.
const recentFingerprints = new Map<string, string>()

/** The key's public prefix and 4 hex digits of its SHA-256 (`tp-…9f2c`): enough to tell which key was used. */
export function fingerprint(secret: string): string {
  const known = recentFingerprints.get(secret)
  if (known !== undefined) return known
  const prefix = /^(sk|tp)-/.exec(secret)?.[0] ?? ''
  const digest = createHash('sha256').update(secret).digest('hex').slice(0, 4)
  const print = `${prefix}…${digest}`
  if (recentFingerprints.size >= 32) recentFingerprints.delete(recentFingerprints.keys().next().value!)
  recentFingerprints.set(secret, print)
  return print
}
