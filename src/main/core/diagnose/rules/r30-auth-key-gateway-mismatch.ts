// R30: MiMo keys belong to one gateway: `sk-` pay-as-you-go → api.xiaomimimo.com, `tp-` Token Plan →
// token-plan-{cn,sgp,ams}.xiaomimimo.com, and a Token Plan key to one cluster. Mixing them gives 401
// ("Invalid API Key"). A known mismatch is an error even before sending; a 401 without one is a hint.
import type { Finding } from '../../../../shared/types'
import { providerInUse, type RuleContext } from '../context'
import { finding } from '../finding'

const RULE = 'mimo.auth-key-gateway-mismatch'
const FIX_IDS = ['use-matching-base-url'] as const

type Gateway = 'payg' | 'token-plan' | null

function gatewayOf(host: string | null | undefined): Gateway {
  const h = (host ?? '').toLowerCase().replace(/:\d+$/, '')
  if (h === 'api.xiaomimimo.com') return 'payg'
  if (/^token-plan(-[a-z]+)?\.xiaomimimo\.com$/.test(h)) return 'token-plan'
  return null
}

export function authKeyGatewayMismatch(ctx: RuleContext): Finding[] {
  const gateway = gatewayOf(ctx.upstreamHost)
  const prefix = ctx.keyPrefix ?? null
  if (prefix === 'tp-' && gateway === 'payg') {
    return [
      finding(RULE, {
        severity: 'error',
        message: 'A Token Plan key (`tp-…`) is sent to the pay-as-you-go gateway api.xiaomimimo.com, which answers 401 for it.',
        fix: 'Use the Token Plan base URL of the key’s cluster (token-plan-cn/sgp/ams.xiaomimimo.com).',
        fixIds: FIX_IDS
      })
    ]
  }
  if (prefix === 'sk-' && gateway === 'token-plan') {
    return [
      finding(RULE, {
        severity: 'error',
        message: `A pay-as-you-go key (\`sk-…\`) is sent to the Token Plan gateway ${ctx.upstreamHost}, which answers 401 for it.`,
        fix: 'Use https://api.xiaomimimo.com with an sk- key, or a tp- key with the Token Plan URL.',
        fixIds: FIX_IDS
      })
    ]
  }
  if (ctx.status !== 401 || (gateway === null && providerInUse(ctx) !== 'mimo')) return []
  if (prefix === 'tp-' && gateway === 'token-plan') {
    return [
      finding(RULE, {
        severity: 'warning',
        message: `The Token Plan key was refused by ${ctx.upstreamHost}; Token Plan keys work only on the cluster (cn, sgp or ams) they were issued for.`,
        fix: 'Use the Token Plan base URL of the cluster the key belongs to.',
        fixIds: FIX_IDS
      })
    ]
  }
  return [
    finding(RULE, {
      severity: 'warning',
      message: 'MiMo refused the key; a common cause is a key and base URL that do not belong together (sk- with api.xiaomimimo.com, tp- with its Token Plan cluster).',
      fix: 'Check that the key and the base URL come from the same plan and cluster.',
      fixIds: FIX_IDS
    })
  ]
}
