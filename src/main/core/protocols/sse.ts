// SSE text → events, with the arrival time of each event when chunk timings were recorded.
import { createParser, type EventSourceMessage } from 'eventsource-parser'
import type { SseEventView } from '../../../shared/types'
import { Problems, describeException } from './json'

/** [byte offset just past the chunk's last byte, ms since request start], sorted by offset. */
export type ChunkTimes = ReadonlyArray<readonly [byteOffsetEnd: number, atMs: number]>

export interface SseParse {
  events: SseEventView[]
  problems: string[]
}

/** UTF-8 length of text[start, end) without allocating; offsets in chunkTimes count bytes of the original body. */
function utf8Length(text: string, start: number, end: number): number {
  let bytes = 0
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3 // BMP char, or a lone surrogate (encoded as U+FFFD)
  }
  return bytes
}

/** Walks chunkTimes forward; events come in increasing offset order, so the whole lookup is linear. */
function timeLookup(chunkTimes: ChunkTimes | undefined): (byteOffset: number) => number | null {
  if (!chunkTimes || chunkTimes.length === 0) return () => null
  let i = 0
  return (byteOffset) => {
    while (i < chunkTimes.length && !(chunkTimes[i][0] >= byteOffset)) i++
    return i < chunkTimes.length ? chunkTimes[i][1] : null
  }
}

/**
 * Parses an SSE body. Lines may end in CRLF, CR or LF; the text is fed to eventsource-parser one line at a
 * time (normalised to LF) so each event can be tied to the byte offset of the line that completed it.
 * A trailing event without its blank line (MiMo's `data:{"error":…}` body) is flushed at the end.
 */
export function parseSse(text: string, chunkTimes?: ChunkTimes): SseParse {
  const events: SseEventView[] = []
  const problems = new Problems()
  try {
    const timeAt = timeLookup(chunkTimes)
    const wantOffsets = !!chunkTimes && chunkTimes.length > 0
    let byteOffset = 0 // bytes consumed up to the end of the line just fed
    let lineNo = 0
    let pending: EventSourceMessage[] = []
    const parser = createParser({
      onEvent: (message) => pending.push(message),
      onError: (err) => problems.add(`line ${lineNo}: ${err.message}`)
    })
    const flush = (): void => {
      if (pending.length === 0) return
      const atMs = timeAt(byteOffset)
      for (const m of pending) events.push({ event: m.event ?? null, data: m.data, atMs })
      pending = []
    }

    const lineBreak = /\r\n|\r|\n/g
    let start = 0
    for (;;) {
      const match = lineBreak.exec(text)
      const lineEnd = match ? match.index : text.length
      const nextStart = match ? lineEnd + match[0].length : text.length
      if (!match && lineEnd === start) break // no unterminated tail
      lineNo++
      if (wantOffsets) byteOffset += utf8Length(text, start, nextStart)
      parser.feed(text.slice(start, lineEnd) + '\n')
      flush()
      start = nextStart
      if (!match) break
    }
    // An extra blank line dispatches an event the body never terminated.
    parser.feed('\n')
    flush()
    if (events.length === 0 && text.trim() !== '') problems.add('no SSE events found in the body')
  } catch (err) {
    problems.add(`SSE parse failed: ${describeException(err)}`)
  }
  return { events, problems: problems.done() }
}
