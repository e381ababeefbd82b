// R11: `cache_control` is not allowed on thinking blocks (`…thinking.cache_control: Extra inputs are not
// permitted`); relays that add their own breakpoints put it there.
import type { Finding } from '../../../../shared/types'
import { isRecord } from '../../protocols/json'
import { providerInUse, rawBlocks, rawMessages, type RuleContext } from '../context'
import { blockPath, finding, severityFor } from '../finding'

export function cacheControlOnThinking(ctx: RuleContext): Finding[] {
  if (ctx.protocol !== 'anthropic') return []
  const severity = severityFor(providerInUse(ctx), ['anthropic'])
  const out: Finding[] = []
  rawMessages(ctx).forEach((message, i) => {
    if (!isRecord(message)) return
    rawBlocks(message).forEach((block, b) => {
      if (!isRecord(block) || (block.type !== 'thinking' && block.type !== 'redacted_thinking')) return
      if (block.cache_control === undefined || block.cache_control === null) return
      out.push(
        finding('anthropic.cache-control-on-thinking', {
          severity,
          messageIndex: i,
          blockIndex: b,
          path: `${blockPath(i, b)}.cache_control`,
          message: `The \`${block.type}\` block ${b} of message ${i} carries \`cache_control\`, which thinking blocks may not have.`,
          fix: 'Remove `cache_control` from the thinking block (put the breakpoint on a later text or tool block).',
          fixIds: ['remove-cache-control']
        })
      )
    })
  })
  return out
}
