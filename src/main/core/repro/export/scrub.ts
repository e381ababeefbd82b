// The export's side of the one redaction choke point: every file of a bundle passes through `scrub` before
// it is written or zipped, on top of the store's own redaction (a key typed into an edited body, a key in a
// URL query, a header a future recorder forgot).
import type { HeaderList } from '../../../../shared/types'
import { redactHeaderValue, redactText, redactUrl } from '../../capture/redact'

export function scrubUrl(raw: string): string {
  return redactUrl(raw)
}

export function scrubHeaders(headers: HeaderList): HeaderList {
  return headers.map(([n, v]) => [n, redactText(redactHeaderValue(n, v))])
}

export function scrub(text: string): string {
  return redactText(text)
}
