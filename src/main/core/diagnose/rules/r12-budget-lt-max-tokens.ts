// R12: `thinking.budget_tokens` must stay below `max_tokens`. The interleaved-thinking beta lifts this, and
// headers are not visible here, so a warning.
import type { Finding } from '../../../../shared/types'
import { isRecord, num } from '../../protocols/json'
import { type RuleContext } from '../context'
import { finding } from '../finding'

export function budgetBelowMaxTokens(ctx: RuleContext): Finding[] {
  if (ctx.protocol !== 'anthropic' || !isRecord(ctx.body.thinking) || ctx.body.thinking.type !== 'enabled') return []
  const budget = num(ctx.body.thinking.budget_tokens)
  const max = num(ctx.body.max_tokens)
  if (budget === null || max === null || budget < max) return []
  return [
    finding('anthropic.budget-lt-max-tokens', {
      severity: 'warning',
      path: 'thinking.budget_tokens',
      message: `\`thinking.budget_tokens\` (${budget}) is not below \`max_tokens\` (${max}), which Anthropic allows only with interleaved thinking.`,
      fix: 'Lower `budget_tokens` below `max_tokens`, or send `anthropic-beta: interleaved-thinking-2025-05-14`.',
      fixIds: []
    })
  ]
}
