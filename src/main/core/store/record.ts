// What one exchange looks like on disk: the summary the list shows, headers (secrets already replaced by
// fingerprints), and references to the body bytes in the blob pack. Bodies are never inline, so listing
// reads only small lines.
import type { ExchangeSummary, HeaderList } from '../../../shared/types'
import type { BodyRef } from './refs'

export const RECORD_VERSION = 1

export interface ExchangeRecord {
  v: typeof RECORD_VERSION
  summary: ExchangeSummary
  /** First user text and message count, for the conversation list. */
  meta?: { title: string | null; messages: number }
  /**
   * Conversation grouping: the request's group key (a JSON blob, so the index can be rebuilt after a restart)
   * and, for the first request of a forked thread, where it forked from.
   */
  group?: { key: BodyRef | null; forkOf: string | null; forkAt: number | null }
  /** The exchange this one replays (the replay feature). */
  replayOf?: string | null
  request: {
    headers: HeaderList
    body: BodyRef | null
    /** The body was larger than the capture limit; only its first bytes were kept. */
    bodyCut: boolean
  }
  response: {
    statusMessage: string
    headers: HeaderList
    body: BodyRef | null
    bodyCut: boolean
    /** `[byteOffsetEnd, msSinceStart]` per received chunk, stored as a body (JSON) because streams have thousands. */
    chunkTimes: BodyRef | null
  } | null
}
