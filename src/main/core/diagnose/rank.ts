// Ranking findings against the error and choosing the culprit (docs/architecture.md, "Choosing the culprit"). Evidence first: a finding the
// error names by rule and index, then by rule, then by index alone. Without evidence, for a 400 only: the rule
// MiMo's docs give for a 400 (R02), then the earliest error-level finding. Otherwise no culprit: a wrong
// highlight is worse than none.
import type { Diagnosis, Finding, Severity, UnwrappedError } from '../../../shared/types'
import { LOCATION_RULE, type RuleId } from './catalogue'
import { rulesNamedBy } from './error-texts'

export interface RankInput {
  findings: Finding[]
  error: UnwrappedError | null
  messageCount: number
  /** MiMo answers the request: its docs name R02 as the cause of a 400 in thinking mode. */
  mimo: boolean
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

export function rank({ findings, error, messageCount, mimo }: RankInput): Pick<Diagnosis, 'findings' | 'culprit'> {
  if (error === null) return { findings: [...findings].sort(byStructure), culprit: null }

  const named = rulesNamedBy(error)
  const location = error.location && error.location.messageIndex < messageCount ? error.location : null
  const score = new Map<Finding, number>()
  for (const f of findings) {
    const shift = named.get(f.rule as RuleId)
    const s = (shift !== undefined ? 2 : 0) + (atLocation(f, location, shift ?? 0) ? 1 : 0)
    score.set(f, s)
    f.matchesError = s > 0
  }
  const sorted = [...findings].sort((a, b) => score.get(b)! - score.get(a)! || byStructure(a, b))

  const culpritFinding = pickCulprit(sorted, score, named.size > 0, error.location !== null, error, mimo)
  if (culpritFinding) {
    // The culprit's finding leads the list even when it won on documentation or structure.
    const rest = sorted.filter((f) => f !== culpritFinding)
    return {
      findings: [culpritFinding, ...rest],
      culprit: { messageIndex: culpritFinding.messageIndex!, blockIndex: culpritFinding.blockIndex, rule: culpritFinding.rule }
    }
  }
  if (location) return { findings: sorted, culprit: { messageIndex: location.messageIndex, blockIndex: location.blockIndex, rule: LOCATION_RULE } }
  return { findings: sorted, culprit: null }
}

function pickCulprit(
  sorted: readonly Finding[],
  score: ReadonlyMap<Finding, number>,
  errorNamesRule: boolean,
  errorNamesIndex: boolean,
  error: UnwrappedError,
  mimo: boolean
): Finding | null {
  const onMessage = (f: Finding): boolean => f.messageIndex !== null
  const evidence = sorted.find((f) => score.get(f)! > 0 && onMessage(f))
  if (evidence) return evidence
  // The error named a cause or an index (even one past the end: then this is not the request it saw) that
  // the findings do not show: trust the error, guess nothing.
  if (errorNamesRule || errorNamesIndex || !requestFault(error)) return null
  if (mimo) {
    const documented = sorted.find((f) => f.rule === 'compat.reasoning-passback-missing' && f.severity === 'error' && onMessage(f))
    if (documented) return documented
  }
  // With no evidence every score is 0, so `sorted` is already in structural order.
  return sorted.find((f) => f.severity === 'error' && onMessage(f)) ?? null
}

/** A failure that says the request itself is malformed (not auth, quota, overload or a server error). */
function requestFault(error: UnwrappedError): boolean {
  if (error.status === 400 || error.status === 422) return true
  return (error.status === null || error.status < 400) && error.type === 'invalid_request_error'
}

function atLocation(f: Finding, location: UnwrappedError['location'], shift: number): boolean {
  if (!location || f.messageIndex === null || f.messageIndex !== location.messageIndex + shift) return false
  // A shifted index names a neighbouring message, so its block index says nothing about this one.
  return shift !== 0 || location.blockIndex === null || f.blockIndex === null || f.blockIndex === location.blockIndex
}

/** Errors before warnings, then the earliest message, request-level findings last. */
function byStructure(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.messageIndex ?? Infinity) - (b.messageIndex ?? Infinity) ||
    (a.blockIndex ?? -1) - (b.blockIndex ?? -1)
  )
}
