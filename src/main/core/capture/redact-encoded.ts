// Keys inside a compressed body: the raw bytes cannot be searched, so the body is decoded, and when a key is
// found the decoded, redacted text is what gets stored (its content-encoding header dropped and the change
// noted). Bodies without a key keep their exact encoded bytes.
import type { HeaderList } from '../../../shared/types'
import { decodeContent, headerValue } from './decode'
import { redactBody } from './redact'

export const DECODED_NOTE_HEADER = 'x-mimo-inspector-note'

export function redactSide(bytes: Buffer, headers: HeaderList): { bytes: Buffer; headers: HeaderList } {
  const encoding = headerValue(headers, 'content-encoding')
  if (!encoding || /^\s*identity\s*$/i.test(encoding)) return { bytes: redactBody(bytes), headers }
  const decoded = decodeContent(bytes, encoding)
  if (!decoded.bytes || decoded.truncated) return { bytes, headers }
  const redacted = redactBody(decoded.bytes)
  if (redacted === decoded.bytes) return { bytes, headers }
  return {
    bytes: redacted,
    headers: [
      ...headers.filter(([n]) => n.toLowerCase() !== 'content-encoding' && n.toLowerCase() !== 'content-length'),
      [DECODED_NOTE_HEADER, `body decoded from ${encoding} and a key removed before storing`]
    ]
  }
}
