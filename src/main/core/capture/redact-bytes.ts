// Key-like strings in raw bytes, found without decoding the whole body: the markers (`sk-`, `tp-`, `Bearer`)
// are located with Buffer.indexOf (native, fast on multi-MB bodies), and the patterns run only on a small
// latin1 window around each one. Keys are ASCII, so this reads text, binary and broken bytes alike, and a
// rewrite changes only the key's own bytes.
import { BEARER_PATTERN_SOURCE, fingerprint, KEY_PATTERN_SOURCE } from './key-patterns'

interface Span {
  start: number
  end: number
  replacement: Buffer
}

const KEY_AT = new RegExp(KEY_PATTERN_SOURCE, 'y')
const BEARER_AT = new RegExp(BEARER_PATTERN_SOURCE, 'y')
const FIRST_WINDOW = 256

/** Key and bearer-token spans, in order, not overlapping (a key after `Bearer ` counts once, as a key). */
export function keySpans(body: Uint8Array, firstOnly = false): Span[] {
  const buf = Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  const spans: Span[] = []
  for (const marker of ['sk-', 'tp-']) {
    for (let at = buf.indexOf(marker); at !== -1; at = buf.indexOf(marker, at + 1)) {
      const match = matchAt(buf, at, KEY_AT, 1)
      if (match) {
        spans.push({ start: at, end: at + match[0].length, replacement: Buffer.from(fingerprint(match[0])) })
        if (firstOnly) return spans
      }
    }
  }
  for (let at = buf.indexOf('Bearer'); at !== -1; at = buf.indexOf('Bearer', at + 1)) {
    const match = matchAt(buf, at, BEARER_AT, 1)
    if (!match) continue
    const start = at + match[1].length
    const end = at + match[0].length
    if (spans.some((s) => s.start < end && start < s.end)) continue
    spans.push({ start, end, replacement: Buffer.from(fingerprint(match[2])) })
    if (firstOnly) return spans
  }
  return spans.sort((a, b) => a.start - b.start)
}

/** The body with every key replaced by its fingerprint; the same Buffer when there is none. */
export function redactBytes(body: Buffer): Buffer {
  const spans = keySpans(body)
  if (spans.length === 0) return body
  const parts: Buffer[] = []
  let from = 0
  for (const span of spans) {
    if (span.start < from) continue
    parts.push(body.subarray(from, span.start), span.replacement)
    from = span.end
  }
  parts.push(body.subarray(from))
  return Buffer.concat(parts)
}

/**
 * The pattern matched at `at`, read from a latin1 window that starts `before` bytes earlier (for the
 * look-behind / word boundary) and grows until the match ends inside it.
 */
function matchAt(buf: Buffer, at: number, pattern: RegExp, before: number): RegExpExecArray | null {
  const start = Math.max(0, at - before)
  for (let size = FIRST_WINDOW; ; size *= 4) {
    const end = Math.min(buf.length, at + size)
    const window = buf.toString('latin1', start, end)
    pattern.lastIndex = at - start
    const match = pattern.exec(window)
    if (!match || start + match.index + match[0].length < end || end === buf.length) return match
  }
}
