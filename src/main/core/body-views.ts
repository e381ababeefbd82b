// Derived views of recorded bodies for the UI: decoded text, JSON check, and the SSE stream view.
import type { BodyPart, BodyView, HeaderList, Protocol, StreamView } from '../../shared/types'
import { decodeContent, headerValue } from './capture/decode'
import { redactText } from './capture/redact'
import { buildStreamView } from './protocols/stream-view'

/** Text beyond this is not sent to the UI in one piece. */
export const VIEW_TEXT_CAP = 32 * 1024 * 1024

export interface RawBody {
  bytes: Buffer | null
  headers: HeaderList
  /** The capture limit cut the recorded body. */
  cut: boolean
}

export function bodyView(id: string, part: BodyPart, raw: RawBody, size: number): BodyView {
  const encoding = headerValue(raw.headers, 'content-encoding')
  const base: BodyView = { id, part, size, encoding, text: null, truncated: false, isJson: false, note: null }
  if (!raw.bytes || raw.bytes.length === 0) return base
  const decoded = decodeContent(raw.bytes, encoding, VIEW_TEXT_CAP)
  const notes: string[] = []
  if (raw.cut) notes.push(`the body was larger than the capture limit; only its first ${raw.bytes.length} bytes were recorded`)
  if (decoded.note) notes.push(decoded.note)
  if (!decoded.bytes) return { ...base, truncated: decoded.truncated, note: notes.join('; ') }
  // The last guard for answers: a key inside an older record's compressed body is redacted as it is shown.
  const plain = decoded.bytes.toString('utf8')
  const text = /sk-|tp-|Bearer/.test(plain) ? redactText(plain) : plain
  if (plain.includes('\uFFFD') && !Buffer.from(plain, 'utf8').equals(decoded.bytes)) notes.push('the body is not valid UTF-8; invalid bytes are shown as �')
  return { ...base, text, truncated: decoded.truncated || raw.cut, isJson: looksLikeJson(text), note: notes.length ? notes.join('; ') : null }
}

function looksLikeJson(text: string): boolean {
  const first = text.trimStart()[0]
  if (first !== '{' && first !== '[') return false
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

export function isEventStream(contentType: string | null, text: string): boolean {
  if (contentType?.toLowerCase().includes('text/event-stream')) return true
  const start = text.trimStart().slice(0, 6)
  return start.startsWith('event:') || start.startsWith('data:')
}

export function streamView(protocol: Protocol, view: BodyView, contentType: string | null, flatTimes: number[] | null): StreamView | null {
  if (view.text === null || !isEventStream(contentType, view.text)) return null
  const times: Array<[number, number]> = []
  if (flatTimes) for (let i = 0; i + 1 < flatTimes.length; i += 2) times.push([flatTimes[i], flatTimes[i + 1]])
  // Chunk offsets count wire bytes; they match the text only when the body was not content-encoded.
  return buildStreamView(protocol, view.text, view.encoding ? undefined : times)
}
