// One minimization run's bookkeeping: the oracle calls (budget, memo, cancel, OracleStop, progress) and the
// best request so far. Every accepted candidate is smaller than the one before, so "current" and "best" are
// the same thing.
import { createHash } from 'node:crypto'
import type { JsonRecord } from '../../protocols/json'
import type { Candidate, Protocol, State } from './candidate'
import { messagesOf, NOTHING_DONE } from './candidate'
import { noWorseThan, shapeProblems, type ShapeCounts } from './well-formed'

/** Thrown by an oracle to end the run, keeping the best so far: 401/402/403, network down, quota. */
export class OracleStop extends Error {
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'OracleStop'
  }
}

export type Oracle = (candidate: Record<string, unknown>) => Promise<{ fingerprint: string }>

/** Phases: original, prefix, messages, tools, blocks, texts, system, params, verify (see minimize.ts). */
export type { MinimizeProgress } from '../../../../shared/types'
import type { MinimizeProgress } from '../../../../shared/types'

/** Why the run ended early; unwinds the searches out to minimize(). */
export class Halt {
  constructor(
    readonly why: 'budget' | 'cancelled' | 'stopped',
    readonly reason: string | null = null
  ) {}
}

export interface SessionOptions {
  oracle: Oracle
  /** The fingerprint to keep; null: whatever the original answers (it is then sent once, as the first call). */
  target: string | null
  /** Candidates must stay as well-formed as the original in this protocol's shape (well-formed.ts). */
  protocol?: Protocol
  budget: number
  signal?: AbortSignal
  onProgress?: (p: MinimizeProgress) => void
}

interface Sized {
  hash: string
  bytes: number
}

export class Session {
  requestsUsed = 0
  phase = 'start'
  current: State
  currentBytes: number
  readonly originalBytes: number
  readonly originalMessages: number
  private readonly memo = new Map<string, string>()
  private currentHash: string
  private target: string | null
  /** The original's shape problems, by kind: no candidate may have more. */
  private readonly allowed: ShapeCounts | null

  constructor(
    body: JsonRecord,
    private readonly opts: SessionOptions
  ) {
    const sized = measure(body)
    this.current = { body, origIndex: messagesOf(body).map((_, i) => i), done: NOTHING_DONE }
    this.currentBytes = this.originalBytes = sized.bytes
    this.currentHash = sized.hash
    this.originalMessages = messagesOf(body).length
    this.target = opts.target
    this.allowed = opts.protocol ? shapeProblems(opts.protocol, body) : null
  }

  /**
   * How the original fails now: the one call that is not a reduction. Without a given target, its answer
   * becomes the target (a caller that needs the original's answer gets it from here, never by sending twice).
   */
  async original(): Promise<string> {
    const fingerprint = await this.ask(this.current.body, measure(this.current.body))
    this.target ??= fingerprint
    this.report()
    return fingerprint
  }

  get targetFingerprint(): string | null {
    return this.target
  }

  /** Try a candidate; when it fails the same way it becomes the current best. null (invalid) → false. */
  async fails(candidate: Candidate | null): Promise<boolean> {
    if (candidate === null) return false
    const sized = measure(candidate.body)
    if (sized.hash === this.currentHash) return true
    // A request the API would refuse for its shape proves nothing about the failure: never sent.
    if (this.allowed && !noWorseThan(shapeProblems(this.opts.protocol!, candidate.body), this.allowed)) return false
    const known = this.memo.get(sized.hash)
    const fingerprint = known ?? (await this.ask(candidate.body, sized))
    const same = fingerprint === this.target
    if (same) this.accept(candidate, sized)
    if (known === undefined) this.report()
    return same
  }

  /** Whether a candidate was already tried (and found not failing the same way). */
  triedAndPassed(candidate: Candidate | null): boolean {
    if (candidate === null) return true
    const hash = measure(candidate.body).hash
    const known = this.memo.get(hash)
    return known !== undefined && known !== this.target
  }

  checkCancelled(): void {
    if (this.opts.signal?.aborted) throw new Halt('cancelled')
  }

  private async ask(body: JsonRecord, sized: Sized): Promise<string> {
    this.checkCancelled()
    if (this.requestsUsed >= this.opts.budget) throw new Halt('budget')
    this.requestsUsed++
    let fingerprint: string
    try {
      fingerprint = (await abortable(this.opts.oracle(body), this.opts.signal)).fingerprint
    } catch (err) {
      this.report()
      if (err instanceof Halt) throw err
      // An oracle that gives up because the run was cancelled (its request aborted) is a cancel.
      if (this.opts.signal?.aborted) throw new Halt('cancelled')
      if (err instanceof OracleStop) throw new Halt('stopped', err.reason)
      throw new Halt('stopped', `the oracle failed: ${err instanceof Error ? err.message : String(err)}`)
    }
    this.memo.set(sized.hash, fingerprint)
    return fingerprint
  }

  private accept(candidate: Candidate, sized: Sized): void {
    this.current = candidate
    this.currentBytes = sized.bytes
    this.currentHash = sized.hash
  }

  report(): void {
    this.opts.onProgress?.({
      phase: this.phase,
      requestsUsed: this.requestsUsed,
      budget: this.opts.budget,
      originalBytes: this.originalBytes,
      currentBytes: this.currentBytes,
      messages: messagesOf(this.current.body).length,
      originalMessages: this.originalMessages
    })
  }
}

/** The exact bytes a candidate is sent as (the upstream oracle) and exported as (the bundle's request.json). */
export function candidateBytes(body: JsonRecord): string {
  return JSON.stringify(body)
}

function measure(body: JsonRecord): Sized {
  const json = candidateBytes(body)
  return { hash: createHash('sha1').update(json).digest('hex'), bytes: Buffer.byteLength(json) }
}

/** The oracle's answer, or a Halt as soon as the signal fires (the request may still be in flight). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Halt('cancelled'))
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort)
        resolve(v)
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(e)
      }
    )
  })
}
