// The export's side of the one redaction choke point: every file of a bundle passes through `scrub` before
// it is written or zipped, on top of the store's own redaction (a key typed into an edited body, a key in a
// URL query, a header a future recorder forgot).
import type { HeaderList } from '../../../../shared/types'
import { redactHeaderValue, redactText } from '../../capture/redact'

const SECRET_QUERY = /^(key|api[-_]?key|access[-_]?token|token|secret|auth|signature|sig)$/i

export function scrubUrl(raw: string): string {
  try {
    const url = new URL(raw)
    for (const name of [...url.searchParams.keys()]) if (SECRET_QUERY.test(name)) url.searchParams.set(name, 'REDACTED')
    url.username = ''
    url.password = ''
    return redactText(url.href)
  } catch {
    return redactText(raw)
  }
}

export function scrubHeaders(headers: HeaderList): HeaderList {
  return headers.map(([n, v]) => [n, redactText(redactHeaderValue(n, v))])
}

export function scrub(text: string): string {
  return redactText(text)
}
