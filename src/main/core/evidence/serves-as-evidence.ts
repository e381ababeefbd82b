// Which recorded exchanges can be evidence: a response the agent received whole, with a 2xx status and no
// error inside it. Anything else never became a turn of its history.
import type { ExchangeSummary } from '../../../shared/types'

export function servesAsEvidence(s: ExchangeSummary): boolean {
  return s.protocol !== 'unknown' && s.state === 'completed' && s.status !== null && s.status >= 200 && s.status < 300 && !s.bodyError && !s.error
}
