// R31: MiMo's 429 means too many requests or, on Token Plan, an exhausted quota (MiMo error codes). Token
// Plan bursts have also come back as 402 "Insufficient account funds" (MiMo#99). Not a fault of the request.
import type { Finding } from '../../../../shared/types'
import { type RuleContext } from '../context'
import { finding } from '../finding'

export function rateOrQuota(ctx: RuleContext): Finding[] {
  const text = ctx.error?.message ?? ''
  const tokenPlan = (ctx.upstreamHost ?? '').toLowerCase().startsWith('token-plan')
  const funds402 = ctx.status === 402 && /insufficient account funds/i.test(text)
  if (ctx.status !== 429 && !funds402) return []
  return [
    finding('mimo.rate-or-quota', {
      severity: 'error',
      message: funds402
        ? 'MiMo answered 402 "Insufficient account funds", which Token Plan users have also seen for request bursts.'
        : `MiMo answered 429: requests are too frequent${tokenPlan ? ', or the Token Plan quota is used up' : ' (or, on Token Plan, the quota is used up)'}.`,
      fix: 'Wait and retry with backoff; on Token Plan check the remaining quota.',
      fixIds: []
    })
  ]
}
