// What a fix gets and what it is: a function that changes a freshly parsed body in place and says what it
// changed. `applyFix` does the parsing and printing, so each fix stays about its one change.
import type { Finding, ReassembledMessage } from '../../../../shared/types'
import type { RequestEvidence } from '../../evidence/match'
import type { JsonRecord } from '../../protocols/json'

export type FixProtocol = 'anthropic' | 'openai'

/** The evidence lookup for a body: the recorded response behind each of its assistant messages. */
export type EvidenceFinder = (body: JsonRecord) => RequestEvidence

export interface FixInput {
  protocol: FixProtocol
  /** The editor's current JSON text. */
  bodyText: string
  /** The finding that offered the fix, for its messageIndex/blockIndex. */
  finding?: Finding
  /** The store's evidence lookup for this request (the real source of lost thinking). */
  evidence?: EvidenceFinder
  /** Or recorded responses of the same conversation, oldest first, matched the same way. */
  replies?: readonly ReassembledMessage[]
}

export interface FixContext {
  protocol: FixProtocol
  finding: Finding | null
  /** The evidence for the body as it was before the fix; looked up on first use. */
  evidence(): RequestEvidence
  /** Told of each assistant message whose recorded response the fix needed and the evidence did not have. */
  unrecorded?(messageIndex: number): void
}

export interface Fix {
  /** Formats the fix makes sense for; others get a FixError before it runs. */
  protocols: readonly FixProtocol[]
  /** Changes `body` in place; returns one line per change ([] means nothing to change). */
  apply(body: JsonRecord, ctx: FixContext): string[]
}
