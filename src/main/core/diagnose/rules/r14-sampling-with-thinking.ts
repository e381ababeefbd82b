// R14: sampling parameters while thinking. Anthropic rejects temperature ≠ 1, top_k, and top_p below 0.95;
// MiMo and DeepSeek accept them and silently use their defaults (MiMo: 1.0 / 0.95), so info there.
import type { Finding, Severity } from '../../../../shared/types'
import { num } from '../../protocols/json'
import { providerInUse, thinkingOn, type RuleContext } from '../context'
import { finding, providerName } from '../finding'

export function samplingWithThinking(ctx: RuleContext): Finding[] {
  if (!thinkingOn(ctx)) return []
  const set: string[] = []
  const temperature = num(ctx.body.temperature)
  if (temperature !== null && temperature !== 1) set.push(`temperature ${temperature}`)
  const topP = num(ctx.body.top_p)
  if (topP !== null && topP < 0.95) set.push(`top_p ${topP}`)
  if (ctx.body.top_k !== undefined && ctx.body.top_k !== null) set.push('top_k')
  if (set.length === 0) return []
  const provider = providerInUse(ctx)
  const silent = provider === 'mimo' || provider === 'deepseek'
  const severity: Severity = provider === 'anthropic' ? 'error' : silent ? 'info' : 'warning'
  const effect = silent
    ? `${providerName(provider)} ignores them and uses its own defaults`
    : provider === 'anthropic'
      ? 'Anthropic rejects them'
      : 'Anthropic rejects them and other providers may ignore them'
  return [
    finding('anthropic.sampling-with-thinking', {
      severity,
      path: set[0].split(' ')[0],
      message: `The request sets ${set.join(', ')} with thinking on; ${effect}.`,
      fix: 'Remove temperature, top_p and top_k (or set temperature to 1) while thinking is on.',
      fixIds: ['remove-sampling-params']
    })
  ]
}
