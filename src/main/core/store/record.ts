// What one exchange looks like on disk: the summary the list shows, headers (secrets already replaced by
// fingerprints), and references to the body bytes in the pack. Bodies are never inline, so listing reads only
// small records. A new BodyRef field must also be copied by store/rewrite.ts (migration and compaction).
import type { ExchangeSummary, HeaderList } from '../../../shared/types'
import type { ClientSession } from '../conversations/client-session'
import type { ReplyFacts } from '../evidence/reply-facts'
import type { BodyRef } from './refs'

export const RECORD_VERSION = 1

export interface ExchangeRecord {
  v: typeof RECORD_VERSION
  summary: ExchangeSummary
  /** First user words and message count, for the conversation list; `kind: 'title'` for a title side request. */
  meta?: { title: string | null; messages: number; kind?: 'title' }
  /**
   * The session the client named (a header or `metadata.user_id`), read at record time; null when it named none.
   * Absent on records written before sessions were read: derive it from their headers (sessionOfRecord).
   */
  session?: ClientSession | null
  /**
   * Conversation grouping: the request's group key (a JSON blob, so the index can be rebuilt after a restart)
   * and, for the first request of a forked thread, where it forked from.
   */
  group?: { key: BodyRef | null; forkOf: string | null; forkAt: number | null }
  /** The exchange this one replays (the replay feature). */
  replayOf?: string | null
  /**
   * What the evidence index needs of a successful response (tool call ids, text and thinking hashes), so the
   * index is rebuilt from the log without decoding responses. Absent on records written before it existed.
   */
  reply?: ReplyFacts
  request: {
    headers: HeaderList
    body: BodyRef | null
    /** The body was larger than the capture limit; only its first bytes were kept. */
    bodyCut: boolean
    /** A patched request (summary.patched): the client's own body; `body` is what was sent upstream. */
    original?: BodyRef | null
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
