// Keys in bodies of any encoding. Nothing reaches the disk unscanned: the raw bytes are scanned (as latin1, so
// binary or broken bodies are covered) and, where the body decodes, every decoded byte (gzip, deflate, br, zstd):
// in one native pass up to the rewrite cap, beyond it as a stream through SCAN_LIMIT. Then:
// - no key anywhere: the exact received bytes are kept;
// - an identity body: the key's bytes are replaced in place;
// - a key in a body that decodes within the cap: the decoded, redacted bytes are kept, the content-encoding
//   header dropped and the change noted;
// - a key only in the raw bytes of a body that does not decode (mislabelled or broken): those bytes are
//   replaced in place, like an identity body;
// - a key that cannot be removed (in what a broken body decoded to before it broke, or in a body that decodes
//   to more than we will hold to rewrite it), or a body too large to scan: a placeholder that says why.
// Forwarding is untouched either way: this runs on what is stored.
import type { HeaderList } from '../../../shared/types'
import { decodeContent, headerValue } from './decode'
import { decodeStream } from './decode-stream'
import { bytesHoldKey, KeyScanner } from './key-scan'
import { keySpans, redactBytes } from './redact-bytes'

export const DECODED_NOTE_HEADER = 'x-mimo-inspector-note'
/** Largest decoded body rewritten to remove a key; a larger one with a key is stored as a placeholder. */
export const REWRITE_CAP = 256 * 1024 * 1024
/** A decompression bomb is not scanned for ever: past this many decoded bytes the body is not stored. */
export const SCAN_LIMIT = 4 * 1024 * 1024 * 1024

export interface RedactedSide {
  bytes: Buffer
  headers: HeaderList
}

export function redactSide(bytes: Buffer, headers: HeaderList, rewriteCap = REWRITE_CAP): RedactedSide {
  const encoding = headerValue(headers, 'content-encoding')
  if (!encoding || /^\s*identity\s*$/i.test(encoding)) return { bytes: redactBytes(bytes), headers }
  const rawHasKey = bytesHoldKey(bytes)
  const decoded = decodeContent(bytes, encoding, rewriteCap)
  if (decoded.bytes && !decoded.truncated) {
    if (!rawHasKey && keySpans(decoded.bytes, true).length === 0) return { bytes, headers }
    return {
      bytes: redactBytes(decoded.bytes),
      headers: [...withoutEncoding(headers), [DECODED_NOTE_HEADER, `body decoded from ${encoding} and a key removed before storing`]]
    }
  }
  // Larger than the cap, broken, or a coding we cannot undo: scan what decodes, as a stream.
  const scan = new KeyScanner()
  let seen = 0
  const outcome = decodeStream(bytes, encoding, (chunk) => {
    seen += chunk.length
    if (seen > SCAN_LIMIT) throw new Error(`it decodes to more than ${SCAN_LIMIT} bytes`)
    scan.push(chunk)
  })
  if (seen > SCAN_LIMIT) return placeholder(headers, encoding, `it decodes to more than ${SCAN_LIMIT} bytes and was not scanned to the end`)
  if (scan.found) return placeholder(headers, encoding, outcome.ok ? `it decodes to more than ${rewriteCap} bytes` : outcome.reason)
  if (!rawHasKey) return { bytes, headers }
  // A key in the raw bytes of a valid stream cannot be cut out without breaking the stream.
  return outcome.ok ? placeholder(headers, encoding, 'the key is in the encoded bytes themselves') : { bytes: redactBytes(bytes), headers }
}

function placeholder(headers: HeaderList, encoding: string, why: string): RedactedSide {
  const text = `[body not stored: it holds a key-like string that cannot be removed from its ${encoding} bytes (${why}). It was forwarded unchanged.]`
  return {
    bytes: Buffer.from(text, 'utf8'),
    headers: [...withoutEncoding(headers), [DECODED_NOTE_HEADER, `body replaced by a placeholder: ${encoding} bytes with a key that could not be removed`]]
  }
}

function withoutEncoding(headers: HeaderList): HeaderList {
  return headers.filter(([n]) => n.toLowerCase() !== 'content-encoding' && n.toLowerCase() !== 'content-length')
}
