// An offline oracle from the diagnosis rules: instant and free of quota, for a first shrink (or when no key
// is at hand). A candidate "fails the same way" when a lint of it still has an error-level finding of the
// original culprit's rule, wherever in the history. It predicts; only a real endpoint confirms.
import type { Diagnosis } from '../../../../shared/types'
import { LOCATION_RULE } from '../../diagnose/catalogue'
import type { KeyPrefix } from '../../diagnose/context'
import { diagnose } from '../../diagnose/diagnose'
import type { Oracle } from './session'

const PREFIX = 'predicted:'

/**
 * `predicted:<culprit rule>`; null when there is no culprit, or only an index the error named that no rule
 * explains (a lint cannot see that one).
 */
export function predictedTarget(diagnosis: Diagnosis): string | null {
  const rule = diagnosis.culprit?.rule
  return rule && rule !== LOCATION_RULE ? PREFIX + rule : null
}

/** What the lint cannot know from the body: the upstream decides which provider's rules are errors. */
export interface PredictContext {
  upstreamHost?: string | null
  keyPrefix?: KeyPrefix
}

/**
 * Fingerprint `predicted:<culprit rule>` when the candidate still breaks that rule; otherwise
 * `predicted:<first error-level rule>`, or `predicted:ok` when the lint finds no error.
 */
export function predictedOracle(protocol: 'anthropic' | 'openai', originalDiagnosis: Diagnosis, context: PredictContext = {}): Oracle {
  const rule = originalDiagnosis.culprit?.rule ?? null
  return async (candidate) => {
    const lint = diagnose({ protocol, body: candidate, status: null, responseText: null, ...context })
    const errors = lint.findings.filter((f) => f.severity === 'error')
    const hit = errors.find((f) => f.rule === rule) ?? errors[0]
    return { fingerprint: PREFIX + (hit ? hit.rule : 'ok') }
  }
}
