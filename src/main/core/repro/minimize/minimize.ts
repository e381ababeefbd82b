// The smallest request that still fails THE SAME WAY (same fingerprint), by asking an oracle about smaller
// and smaller candidates. Order, biggest wins first:
//   original  one call: does the request still fail that way? (if not, there is nothing to minimize)
//   prefix    binary search for the shortest failing prefix of turns, ending at or after the culprit
//   messages  ddmin over the remaining turns (units: a tool call never leaves its results, roles alternate)
//   tools     tools no remaining tool call names
//   blocks    ddmin over each message's blocks (tool call + results as one; no message left empty)
//   texts     long texts (> 200 chars) → stubs
//   system    system prompt parts
//   params    optional parameters (`stream` stays as sent, see parts.ts)
//   verify    every single removal of the result (turn, message of any role — a system message, the first
//             user message — block, tool, system part, parameter) is tried; any that still fails is taken and
//             verify starts over. Only a verify that ran to the end makes the result 1-minimal (oneMinimal).
// A candidate must stay as well-formed as the original (well-formed.ts): one that would not is never sent.
// Every candidate is one oracle call, never sent twice (memo by hash), never past the budget; the best so
// far survives a cancel, the budget running out and an OracleStop.
import { blockElements, removeBlocks } from './blocks'
import type { Candidate, Protocol, State } from './candidate'
import { messagesOf } from './candidate'
import { ddmin, shortestFailingPrefix } from './ddmin'
import { OK_FINGERPRINT } from './fingerprint'
import { optionalParams, removeParams, removeSystemParts, removeTools, systemParts, unusedTools } from './parts'
import { Halt, Session, type MinimizeProgress, type Oracle } from './session'
import { stubTexts, textSlots } from './texts'
import { summary } from './summary'
import { keepUnits, messageUnits, unitOfMessage } from './units'
import { removeMessage } from './messages'

export { OracleStop, type MinimizeProgress, type Oracle } from './session'

export const DEFAULT_BUDGET = 60

export interface MinimizeOptions {
  protocol: Protocol
  /** The failing request JSON. Never modified. */
  body: Record<string, unknown>
  /**
   * The fingerprint to preserve (errorFingerprint of the failure, or predictedTarget). Absent or null: how the
   * original fails at the oracle now (the original is then sent once, as the first call, and never again).
   */
  target?: string | null
  /** Sends or predicts one candidate; must not modify it; may throw OracleStop to end the run. */
  oracle: Oracle
  /** Max oracle calls, the first check of the original included. Default 60. */
  budget?: number
  /** messageIndex of the diagnosed culprit: the prefix search starts there. */
  culpritIndex?: number | null
  signal?: AbortSignal
  onProgress?: (p: MinimizeProgress) => void
}

export interface MinimizeResult {
  /** The smallest request seen failing the same way (the original when nothing smaller was). */
  body: Record<string, unknown>
  requestsUsed: number
  /** One line a person reads per kind of reduction, e.g. "removed messages 3–180 (178 messages)". */
  removed: string[]
  stoppedBecause: 'done' | 'budget' | 'cancelled' | 'stopped'
  stopReason: string | null
  /** Every single removal from the result was tried and none failed the same way. */
  oneMinimal: boolean
  /** The fingerprint kept: the given target, or how the original failed (null when the oracle was never asked). */
  target: string | null
  originalBytes: number
  bytes: number
}

export async function minimize(opts: MinimizeOptions): Promise<MinimizeResult> {
  const budget = typeof opts.budget === 'number' && Number.isFinite(opts.budget) ? Math.max(0, Math.floor(opts.budget)) : DEFAULT_BUDGET
  const s = new Session(opts.body, { oracle: opts.oracle, target: opts.target ?? null, protocol: opts.protocol, budget, signal: opts.signal, onProgress: opts.onProgress })
  const p = opts.protocol
  let stoppedBecause: MinimizeResult['stoppedBecause'] = 'done'
  let stopReason: string | null = null
  let oneMinimal = false
  try {
    s.checkCancelled()
    s.phase = 'original'
    const got = await s.original()
    if (got !== s.targetFingerprint) {
      stoppedBecause = 'stopped'
      stopReason = `the original request does not fail that way (it gave: ${got})`
    } else if (got === OK_FINGERPRINT) {
      stoppedBecause = 'stopped'
      stopReason = 'the original request does not fail here: there is nothing to keep while shrinking it'
    } else {
      await prefixAndTurns(s, opts.culpritIndex ?? null)
      s.phase = 'tools'
      await shrinkFrom(s, (base) => unusedTools(p, base.body), (base, items, keep) => removeTools(base, dropped(items, keep)))
      await blocks(s, p)
      s.phase = 'texts'
      await shrinkFrom(s, (base) => textSlots(p, base.body), (base, items, keep) => stubTexts(base, items, keep))
      s.phase = 'system'
      await shrinkFrom(s, (base) => systemParts(p, base.body), (base, items, keep) => removeSystemParts(p, base, dropped(items, keep)))
      s.phase = 'params'
      await shrinkFrom(s, (base) => optionalParams(p, base.body), (base, items, keep) => removeParams(base, dropped(items, keep)))
      oneMinimal = await verify(s, p)
    }
  } catch (err) {
    if (!(err instanceof Halt)) throw err
    stoppedBecause = err.why
    stopReason = err.reason ?? (err.why === 'budget' ? `used all ${budget} requests` : err.why === 'cancelled' ? 'cancelled' : null)
  }
  return {
    body: structuredClone(s.current.body),
    requestsUsed: s.requestsUsed,
    removed: summary(p, opts.body, s.current),
    stoppedBecause,
    stopReason,
    oneMinimal,
    target: s.targetFingerprint,
    originalBytes: s.originalBytes,
    bytes: s.currentBytes
  }
}

/** Shortest failing prefix of turns, then ddmin over the turns before its last one. */
async function prefixAndTurns(s: Session, culpritIndex: number | null): Promise<void> {
  const original = s.current
  const units = messageUnits(messagesOf(original.body))
  if (units.length <= 1) return
  s.phase = 'prefix'
  const hint = culpritIndex === null ? null : unitOfMessage(units, culpritIndex)
  await shortestFailingPrefix(0, units.length - 1, (j) => s.fails(keepUnits(original, units, range(1, j + 1))), hint)

  s.phase = 'messages'
  const base = s.current
  const turns = messageUnits(messagesOf(base.body))
  const last = turns.length - 1
  if (last < 2) return
  // The prefix search says the last turn is needed; a single culprit is often that turn alone.
  if (await s.fails(keepUnits(base, turns, [last]))) return
  await ddmin(range(1, last), (keep) => s.fails(keepUnits(base, turns, [...keep, last])))
}

/** Per message, ddmin over its blocks. Messages are re-read after each, as OpenAI tool messages may go. */
async function blocks(s: Session, p: Protocol): Promise<void> {
  s.phase = 'blocks'
  for (let i = 0; i < messagesOf(s.current.body).length; i++) {
    await shrinkFrom(
      s,
      (base) => blockElements(p, base.body, i),
      (base, items, keep) => removeBlocks(p, base, dropped(items, keep))
    )
  }
}

/**
 * From the current state: the removable items, then "all of them gone" (one call), then ddmin for the
 * smallest set that must stay. `build(base, items, keep)` makes the candidate keeping only `keep`.
 */
async function shrinkFrom<T>(
  s: Session,
  list: (base: State) => T[],
  build: (base: State, items: readonly T[], keep: readonly T[]) => Candidate | null
): Promise<void> {
  const base = s.current
  const items = list(base)
  if (items.length === 0) return
  if (await s.fails(build(base, items, []))) return
  if (items.length > 1) await ddmin(items, (keep) => s.fails(build(base, items, keep)))
}

/** Greedy single removals until none fails the same way: then the result is 1-minimal. */
async function verify(s: Session, p: Protocol): Promise<boolean> {
  s.phase = 'verify'
  for (;;) {
    let reduced = false
    for (const candidate of singleRemovals(s.current, p)) {
      if (await s.fails(candidate)) {
        reduced = true
        break
      }
    }
    if (!reduced) return true
  }
}

/** Every single removal from `state`, whole turns first (the biggest wins), then each message on its own. */
export function* singleRemovals(state: State, p: Protocol): Generator<Candidate | null> {
  const body = state.body
  const units = messageUnits(messagesOf(body))
  for (let u = 1; u < units.length; u++) yield keepUnits(state, units, range(1, units.length).filter((k) => k !== u))
  for (let i = 0; i < messagesOf(body).length; i++) yield removeMessage(p, state, i)
  for (const t of unusedTools(p, body)) yield removeTools(state, [t])
  for (let i = 0; i < messagesOf(body).length; i++) for (const e of blockElements(p, body, i)) yield removeBlocks(p, state, [e])
  for (const part of systemParts(p, body)) yield removeSystemParts(p, state, [part])
  for (const key of optionalParams(p, body)) yield removeParams(state, [key])
}

function dropped<T>(items: readonly T[], keep: readonly T[]): T[] {
  const k = new Set(keep)
  return items.filter((x) => !k.has(x))
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i)
}
