// Everything a repro bundle is made from, gathered by the caller (the app from its store, the CLI from a file).
import type { Diagnosis, HeaderList } from '../../../../shared/types'

export interface BundleExchange {
  /** The recorded exchange's id (absent for a file's entry that names none). */
  id?: string
  /** Set on a replay sent from the app: the exchange it replays. */
  replayOf?: string | null
  /** Set on an imported copy of a recorded exchange. */
  duplicateOf?: string | null
  startedAt: string
  method: string
  url: string
  requestHeaders: HeaderList
  requestBody: string
  /** The body as the agent sent it, when the inspector changed it on the way (a repair rule, a breakpoint edit). */
  agentBody?: string | null
  response: { status: number; statusMessage: string; headers: HeaderList; body: string } | null
}

export interface BundleInput {
  /** The failing exchange as recorded. */
  exchange: BundleExchange
  /** The minimized request body, when the minimizer ran; else the original is the repro. */
  minimalBody: string | null
  /** What the minimizer removed, one line each. */
  removed: string[]
  /** "predicted" when the minimizer ran offline against the rules. */
  minimizedBy: 'upstream' | 'predicted' | null
  diagnosis: Diagnosis | null
  /** The conversation, for the HAR (at least the exchange itself): every exchange of it, replays included. */
  conversation: BundleExchange[]
  /** Total body bytes the HAR keeps (default 20 MB). */
  harCapBytes?: number
  toolVersion: string
}
