// R13: `thinking.budget_tokens` must be at least 1024 (`…budget_tokens: Input should be greater than or
// equal to 1024`, Anthropic via Bedrock and relays).
import type { Finding } from '../../../../shared/types'
import { isRecord, num } from '../../protocols/json'
import { providerInUse, type RuleContext } from '../context'
import { finding, severityFor } from '../finding'

export function budgetMin1024(ctx: RuleContext): Finding[] {
  if (ctx.protocol !== 'anthropic' || !isRecord(ctx.body.thinking) || ctx.body.thinking.type !== 'enabled') return []
  const budget = num(ctx.body.thinking.budget_tokens)
  if (budget === null || budget >= 1024) return []
  return [
    finding('anthropic.budget-min-1024', {
      severity: severityFor(providerInUse(ctx), ['anthropic']),
      path: 'thinking.budget_tokens',
      message: `\`thinking.budget_tokens\` is ${budget}; Anthropic wants at least 1024.`,
      fix: 'Set `budget_tokens` to 1024 or more (and below `max_tokens`).',
      fixIds: []
    })
  ]
}
