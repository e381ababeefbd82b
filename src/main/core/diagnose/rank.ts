// Ranking findings against the error and choosing the culprit (docs/architecture.md, "Choosing the culprit").
// Evidence first: a finding
// of a rule the error's text supports (its dialect names the rule, or the text speaks of its subject), at
// the message the error points to (its index, a tool id, a content part type). A finding the text does not
// speak of never wins over the text, even on the same message. With no evidence, for a malformed-request
// error only: the finding that explains the provider's error family (MiMo documents R02 for a 400), then
// the earliest error-level finding. Otherwise no culprit: a wrong highlight is worse than none.
import type { Diagnosis, Finding, ProviderId, Severity, UnwrappedError } from '../../../shared/types'
import { LOCATION_RULE, type RuleId } from './catalogue'
import { errorDialectById } from './dialects'
import { ruleNamedBy, supportFor } from './error-texts'
import { locate, type LocateRequest, type Resolved } from './locate'

export interface RankInput {
  findings: Finding[]
  error: UnwrappedError | null
  request: LocateRequest
  /** Whose rules apply: decides the family fallback (MiMo's docs name R02 for a 400 in thinking mode). */
  family: ProviderId
}

type Ranked = Pick<Diagnosis, 'findings' | 'culprit' | 'culpritVia'>

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Rules that the family's docs name for an error that says nothing. */
const FAMILY_FALLBACK: Partial<Record<ProviderId, RuleId>> = { mimo: 'compat.reasoning-passback-missing' }

export function rank({ findings, error, request, family }: RankInput): Ranked {
  if (error === null) return { findings: [...findings].sort(byStructure), culprit: null, culpritVia: null }

  const support = supportFor(error)
  const named = ruleNamedBy(error)
  const supported = (f: Finding): number => support.get(f.rule as RuleId) ?? 0
  const explains = (f: Finding): boolean => (named ? f.rule === named : supported(f) > 0)
  const resolved = locate(error, request, (i) => findings.some((f) => f.messageIndex === i && explains(f)))
  const score = new Map<Finding, number>()
  for (const f of findings) {
    const s = supported(f) * 10 + atLocation(f, resolved)
    score.set(f, s)
    f.matchesError = s > 0
  }
  const sorted = [...findings].sort((a, b) => score.get(b)! - score.get(a)! || byStructure(a, b))
  const pick = pickCulprit(sorted, supported, resolved, error, support.size > 0, family)
  if (!pick) return { findings: sorted, culprit: null, culpritVia: null }
  if ('finding' in pick) {
    const f = pick.finding
    // The culprit's finding leads the list even when it won on documentation or structure.
    const block = f.blockIndex ?? (resolved && resolved.messageIndex === f.messageIndex ? resolved.blockIndex : null)
    return {
      findings: [f, ...sorted.filter((x) => x !== f)],
      culprit: { messageIndex: f.messageIndex!, blockIndex: block, rule: f.rule },
      culpritVia: pick.via
    }
  }
  return { findings: sorted, culprit: { messageIndex: pick.at.messageIndex, blockIndex: pick.at.blockIndex, rule: pick.rule }, culpritVia: pick.at.via }
}

type Choice = { finding: Finding; via: NonNullable<Diagnosis['culpritVia']> } | { at: Resolved; rule: string } | null

function pickCulprit(
  sorted: readonly Finding[],
  supported: (f: Finding) => number,
  resolved: Resolved | null,
  error: UnwrappedError,
  textSpeaks: boolean,
  family: ProviderId
): Choice {
  const onMessage = (f: Finding): boolean => f.messageIndex !== null
  if (resolved) {
    const here = (f: Finding): boolean => onMessage(f) && atLocation(f, resolved) > 0
    const evidence = sorted.find((f) => here(f) && supported(f) > 0)
    if (evidence) return { finding: evidence, via: resolved.via }
    // The text speaks of a cause no finding here shows: the place it names, under the rule it names.
    if (textSpeaks) return { at: resolved, rule: ruleNamedBy(error) ?? LOCATION_RULE }
    // The text names only a place: what is wrong there.
    const there = sorted.find(here)
    return there ? { finding: there, via: resolved.via } : { at: resolved, rule: LOCATION_RULE }
  }
  // An index past the end of the request (this is not the request the error saw), or a parameter outside
  // `messages`: no message is the culprit.
  if (error.location !== null || error.names?.parameter || errorDialectById(error.dialect)?.locates.includes('parameter')) return null
  const evidence = sorted.find((f) => onMessage(f) && supported(f) > 0)
  if (evidence) return { finding: evidence, via: 'rule' }
  // The text names a cause (or a part, an id) the request does not show: trust the error, guess nothing.
  if (textSpeaks || error.names?.partType || !requestFault(error)) return null
  const documented = FAMILY_FALLBACK[family]
  const fallback = documented ? sorted.find((f) => f.rule === documented && f.severity === 'error' && onMessage(f)) : undefined
  // With no evidence every score is 0, so `sorted` is already in structural order.
  const earliest = fallback ?? sorted.find((f) => f.severity === 'error' && onMessage(f))
  return earliest ? { finding: earliest, via: 'structure' } : null
}

/** A failure that says the request itself is malformed (not auth, quota, overload or a server error). */
function requestFault(error: UnwrappedError): boolean {
  if (error.status === 400 || error.status === 422) return true
  return (error.status === null || error.status < 400) && error.type === 'invalid_request_error'
}

/** 2: at the message and block named; 1: at the message (another or no block); 0: elsewhere. */
function atLocation(f: Finding, at: Resolved | null): number {
  if (!at || f.messageIndex !== at.messageIndex) return 0
  return at.blockIndex === null || f.blockIndex === null || f.blockIndex === at.blockIndex ? 2 : 1
}

/** Errors before warnings, then the earliest message, request-level findings last. */
function byStructure(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    (a.messageIndex ?? Infinity) - (b.messageIndex ?? Infinity) ||
    (a.blockIndex ?? -1) - (b.blockIndex ?? -1)
  )
}
