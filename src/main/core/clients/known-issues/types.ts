// One known bug of one client, as the catalogue holds it: which versions, which providers reject what it
// sends, which diagnosis rule that produces, where the client's own tracker or source says so, and what a
// user changes to get past it. Every entry is checked against the client's source, tracker or a live run.
import type { RuleSource } from '../../../../shared/types'
import type { RuleId } from '../../diagnose/catalogue'
import type { Provider } from '../../diagnose/context'
import type { FixId } from '../../diagnose/finding'

export type Workaround =
  /** A setting in the client: its exact name (a config key, an env variable, a UI option) and value. */
  | { kind: 'setting'; name: string; value: string; where: string; note?: string }
  /** Move to a version that does not have the bug. */
  | { kind: 'upgrade'; version: string }
  /** Stay on (or go back to) a version from before the bug. */
  | { kind: 'downgrade'; version: string }
  /** A fix of this product (src/main/core/replay/fixes) that repairs the request the client sent. */
  | { kind: 'repair'; fixId: FixId }

export interface KnownIssue {
  id: string
  /** ClientInfo.name it applies to. */
  client: string
  /**
   * introduced: first affected version (null: any earlier one too). lastAffected: the newest version seen
   * affected. fixedIn: the first version known to work (null: no fix known).
   */
  versions: { introduced: string | null; lastAffected: string | null; fixedIn: string | null }
  /** Providers whose endpoints reject what the client sends. */
  providers: readonly Provider[]
  /** Diagnosis rules the bad request produces. */
  rules: readonly RuleId[]
  /** What the client does wrong, in one sentence. */
  problem: string
  /** The client's own tracker or source first. */
  sources: readonly RuleSource[]
  /** The recommended one first. */
  workarounds: readonly Workaround[]
  /** How this entry was checked: a live run through the proxy, the client's source, or its tracker. */
  verified: string
}
