// A fix is offered only when it can be applied to the request that offers it: each fix id the findings name
// is tried once on a copy of the body (with the same evidence the diagnosis used); one that has nothing to
// change there, or nothing to restore from, is taken off every finding. Order is left as the rules gave it.
import type { Diagnosis, Finding } from '../../../../shared/types'
import type { RequestEvidence } from '../../evidence/match'
import { isRecord } from '../../protocols/json'
import { FIXES, isFixId } from './registry'
import { FixError } from './fix-error'
import type { FixProtocol } from './types'
import { USE_MATCHING_BASE_URL } from './use-matching-base-url'

export function keepApplicableFixes(diagnosis: Diagnosis, protocol: FixProtocol, body: unknown, evidence: RequestEvidence): void {
  const verdict = new Map<string, boolean>()
  const offeredBy = new Map<string, Finding>()
  for (const f of diagnosis.findings) for (const id of f.fixIds) if (!offeredBy.has(id)) offeredBy.set(id, f)
  for (const [id, finding] of offeredBy) verdict.set(id, applies(id, protocol, body, finding, evidence))
  for (const f of diagnosis.findings) f.fixIds = f.fixIds.filter((id) => verdict.get(id))
}

function applies(id: string, protocol: FixProtocol, body: unknown, finding: Finding, evidence: RequestEvidence): boolean {
  // Applied to the replay target, not the body: it always "applies".
  if (id === USE_MATCHING_BASE_URL) return true
  if (!isFixId(id) || !isRecord(body)) return false
  const fix = FIXES[id]
  if (!fix.protocols.includes(protocol)) return false
  try {
    return fix.apply(copyJson(body) as typeof body, { protocol, finding, evidence: () => evidence }).length > 0
  } catch (err) {
    if (err instanceof FixError) return false
    throw err
  }
}

/**
 * A deep copy of parsed JSON that shares the strings (immutable) instead of copying them: a fix may change any
 * object or array of its copy, and a 5 MB request of long texts copies in a few ms (structuredClone copies
 * every string and took tens of ms).
 */
export function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const copy = copyJson((value as Record<string, unknown>)[key])
    // A "__proto__" key from JSON.parse is an own property; plain assignment would set the prototype instead.
    if (key === '__proto__') Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true })
    else out[key] = copy
  }
  return out
}
