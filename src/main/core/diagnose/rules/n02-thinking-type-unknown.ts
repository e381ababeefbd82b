// N.2: a `thinking.type` none of the known ones (enabled, adaptive, disabled). The inspector counts it as
// thinking on, since only `disabled` turns MiMo's default thinking off, and says so instead of guessing quietly.
import type { Finding } from '../../../../shared/types'
import type { RuleContext } from '../context'
import { finding } from '../finding'

export function thinkingTypeUnknown(ctx: RuleContext): Finding[] {
  if (ctx.view.thinking !== 'other') return []
  const type = ctx.view.thinkingType ?? 'none'
  return [
    finding('compat.thinking-type-unknown', {
      severity: 'warning',
      path: 'thinking.type',
      message: `\`thinking.type\` is ${JSON.stringify(type)}, which is none of enabled, adaptive, disabled; the diagnosis counts it as thinking on (only "disabled" turns it off), and the endpoint may reject the value itself.`,
      fix: 'Send `"enabled"` (or `"adaptive"` where the model supports it), or `"disabled"`.',
      fixIds: []
    })
  ]
}
