// What a fix gets and what it is: a function that changes a freshly parsed body in place and says what it
// changed. `applyFix` does the parsing and printing, so each fix stays about its one change.
import type { Finding, ReassembledMessage } from '../../../../shared/types'
import type { JsonRecord } from '../../protocols/json'

export type FixProtocol = 'anthropic' | 'openai'

export interface FixInput {
  protocol: FixProtocol
  /** The editor's current JSON text. */
  bodyText: string
  /** The finding that offered the fix, for its messageIndex/blockIndex. */
  finding?: Finding
  /** Recorded responses of the same conversation, oldest first: the real source of lost thinking. */
  replies: readonly ReassembledMessage[]
}

export interface FixContext {
  protocol: FixProtocol
  finding: Finding | null
  replies: readonly ReassembledMessage[]
}

export interface Fix {
  /** Formats the fix makes sense for; others get a FixError before it runs. */
  protocols: readonly FixProtocol[]
  /** Changes `body` in place; returns one line per change ([] means nothing to change). */
  apply(body: JsonRecord, ctx: FixContext): string[]
}
