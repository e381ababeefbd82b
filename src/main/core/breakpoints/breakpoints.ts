// Breakpoints: pause a request before it goes upstream, or a response before its first byte reaches the client,
// when it matches a filter of the list's language. The agent simply waits; the user continues it (edited or
// not), answers it with a response of their own, or drops it. A pause that nobody resolves continues unedited
// after the timeout, so no agent hangs for ever.
import { randomUUID } from 'node:crypto'
import type { Breakpoint, BreakpointOutcome, BreakPhase, BreakpointStatus, ExchangeSummary, PausedExchange } from '../../../shared/types'
import { matchesExchange } from '../filter/match-filter'
import { parseFilter, type ParsedFilter } from '../filter/parse-filter'
import type { OwnResponse } from '../proxy/intercept'
import { loadBreakpoints, saveBreakpoints } from './breakpoint-file'

/**
 * 4 minutes: long enough to read and edit a request, and under the 300 s after which Node's own fetch (undici's
 * headersTimeout) gives up waiting for response headers: an agent built on it would fail by itself first.
 */
export const DEFAULT_BREAK_TIMEOUT_MS = 4 * 60_000

export class BreakpointError extends Error {}

export type Resume =
  | { action: 'continue' }
  | { action: 'edit'; body: Buffer }
  | { action: 'answer'; response: OwnResponse }
  | { action: 'drop' }
  | { action: 'timed-out' }

interface Pending {
  paused: PausedExchange
  resolve(resume: Resume): void
}

interface Entry {
  breakpoint: Breakpoint
  filter: ParsedFilter
  /** Whether the filter needs the request's conversation (read from the evidence, which costs a lookup). */
  needsConversation: boolean
}

export class Breakpoints {
  private entries: Entry[] = []
  private readonly pending = new Map<string, Pending>()

  /** Said at start: saved breakpoints that could not be read. */
  readonly warnings: string[] = []

  /** `dataDir`: where the breakpoints added through the API are kept (absent: this run only). */
  constructor(
    private timeoutMs: number,
    private readonly changed: () => void,
    private readonly dataDir: string | null = null
  ) {
    if (!dataDir) return
    const saved = loadBreakpoints(dataDir)
    this.warnings.push(...saved.warnings)
    for (const breakpoint of saved.breakpoints) {
      const filter = parseFilter(breakpoint.filter)
      if (filter.problems.length > 0) {
        this.warnings.push(`saved breakpoint ${JSON.stringify(breakpoint.filter)}: ${filter.problems.join('; ')}; left out`)
        continue
      }
      this.entries.push(entryOf(breakpoint, filter))
    }
  }

  /** Whether any breakpoint pauses this phase: the proxy buffers nothing when none does. */
  any(phase: 'request' | 'response'): boolean {
    return this.entries.some((e) => e.breakpoint.phase === phase || e.breakpoint.phase === 'both')
  }

  add(filterText: string, phase: BreakPhase, once: boolean, source: Breakpoint['source'] = 'api'): Breakpoint {
    const filter = parseFilter(filterText)
    if (filter.problems.length > 0) throw new BreakpointError(`breakpoint filter: ${filter.problems.join('; ')}`)
    const breakpoint: Breakpoint = { id: randomUUID(), filter: filterText, phase, once, createdAt: new Date().toISOString(), source }
    this.entries.push(entryOf(breakpoint, filter))
    this.save()
    this.changed()
    return breakpoint
  }

  private save(): void {
    if (this.dataDir) saveBreakpoints(this.dataDir, this.entries.map((e) => e.breakpoint))
  }

  remove(id: string): void {
    const before = this.entries.length
    this.entries = this.entries.filter((e) => e.breakpoint.id !== id)
    if (this.entries.length === before) throw new BreakpointError(`no breakpoint ${id}`)
    this.save()
    this.changed()
  }

  changeTimeout(ms: number): void {
    this.timeoutMs = ms
    this.changed()
  }

  /** Whether some breakpoint of this phase needs the conversation to decide. */
  needsConversation(phase: 'request' | 'response'): boolean {
    return this.entries.some((e) => e.needsConversation && (e.breakpoint.phase === phase || e.breakpoint.phase === 'both'))
  }

  /** The first breakpoint of this phase whose filter the exchange matches. */
  match(phase: 'request' | 'response', summary: ExchangeSummary): Breakpoint | null {
    const hit = this.entries.find((e) => (e.breakpoint.phase === phase || e.breakpoint.phase === 'both') && matchesExchange(e.filter, summary))
    if (!hit) return null
    if (hit.breakpoint.once) this.entries = this.entries.filter((e) => e !== hit)
    return hit.breakpoint
  }

  /** Holds until the user resumes it, the timeout passes (continue unedited), or the client goes away. */
  pause(exchangeId: string, breakpoint: Breakpoint, phase: 'request' | 'response', status: number | null, signal: AbortSignal): Promise<Resume> {
    return new Promise((resolve) => {
      const since = Date.now()
      const paused: PausedExchange = { exchangeId, breakpointId: breakpoint.id, phase, since: new Date(since).toISOString(), timeoutAt: new Date(since + this.timeoutMs).toISOString(), status }
      const settle = (resume: Resume): void => {
        if (this.pending.get(exchangeId)?.paused !== paused) return
        clearTimeout(timer)
        signal.removeEventListener('abort', gone)
        this.pending.delete(exchangeId)
        this.changed()
        resolve(resume)
      }
      const timer = setTimeout(() => settle({ action: 'timed-out' }), this.timeoutMs)
      // The client hung up while paused: nothing to resume (the proxy records it as aborted).
      const gone = (): void => settle({ action: 'drop' })
      signal.addEventListener('abort', gone)
      this.pending.set(exchangeId, { paused, resolve: settle })
      this.changed()
    })
  }

  resume(exchangeId: string, resume: Exclude<Resume, { action: 'timed-out' }>): void {
    const pending = this.pending.get(exchangeId)
    if (!pending) throw new BreakpointError(`exchange ${exchangeId} is not paused (it went on, timed out or its client went away)`)
    if (resume.action === 'edit' && pending.paused.phase === 'response') throw new BreakpointError('a paused response can be continued, answered or dropped; its body has not been read, so it cannot be edited')
    pending.resolve(resume)
  }

  status(): BreakpointStatus {
    return { breakpoints: this.entries.map((e) => e.breakpoint), paused: [...this.pending.values()].map((p) => p.paused), timeoutMs: this.timeoutMs }
  }
}

export function outcomeOf(breakpoint: Breakpoint, phase: 'request' | 'response', resume: Resume, bodyChanged: boolean): BreakpointOutcome {
  const action: BreakpointOutcome['action'] =
    resume.action === 'edit' ? (bodyChanged ? 'edited' : 'continued') : resume.action === 'continue' ? 'continued' : resume.action === 'answer' ? 'answered' : resume.action === 'drop' ? 'dropped' : 'timed-out'
  return { phase, breakpointId: breakpoint.id, action }
}

function entryOf(breakpoint: Breakpoint, filter: ParsedFilter): Entry {
  return { breakpoint, filter, needsConversation: filter.terms.some((t) => t.kind === 'field' && t.key === 'conversation') }
}
