// The repair rules at work on live traffic: which rules may concern a request (cheap, per request, from the
// rule list cached until it changes), patching a buffered body, and the count of requests patched this run.
import type { RepairRule, RepairStatus } from '../../../shared/types'
import type { FixProtocol } from '../replay/fixes/types'
import type { LiveContextDeps } from './live-context'
import { patchRequest, type PatchResult } from './patch-request'
import { fixProtocols, inUpstreamScope, LIVE_FIXES, type RepairRules } from './repair-rules'

export interface RepairEngineDeps extends LiveContextDeps {
  /** Resolves once the exchanges answering now (but this one) are stored: their responses are the evidence. */
  stored(exceptId: string): Promise<void>
  /** Whether any exchange but this one is still answering or on its way to the store. */
  unsettled(exceptId: string): boolean
  /** The status changed (a rule, the patched count). */
  changed(): void
}

export class RepairEngine {
  patchedThisRun = 0
  private cached: { version: number; active: RepairRule[] } = { version: -1, active: [] }

  constructor(
    readonly rules: RepairRules,
    private readonly deps: RepairEngineDeps
  ) {}

  /** Active rules whose fix applies to this format and whose upstream scope holds; [] for most traffic. */
  candidates(protocol: FixProtocol, target: URL): RepairRule[] {
    if (this.cached.version !== this.rules.version) this.cached = { version: this.rules.version, active: this.rules.active() }
    if (this.cached.active.length === 0) return []
    return this.cached.active.filter((r) => fixProtocols(r.fix).includes(protocol) && inUpstreamScope(r.scope, target))
  }

  async patch(exchangeId: string, bytes: Buffer, protocol: FixProtocol, encoding: string | null, rules: readonly RepairRule[]): Promise<PatchResult> {
    const settle = async (): Promise<boolean> => {
      if (!this.deps.unsettled(exchangeId)) return false
      await this.deps.stored(exchangeId)
      return true
    }
    const result = await patchRequest({ bytes, protocol, encoding, rules }, { ...this.deps, settle })
    if (result.body) {
      this.patchedThisRun++
      this.deps.changed()
    }
    return result
  }

  status(): RepairStatus {
    const rules = this.rules.all()
    return { rules, active: rules.filter((r) => r.enabled).length, patchedThisRun: this.patchedThisRun, fixes: [...LIVE_FIXES] }
  }
}
