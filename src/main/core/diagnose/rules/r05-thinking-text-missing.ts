// R05: a signed thinking block whose `thinking` key is missing (a client set it to undefined and
// JSON.stringify dropped it): `messages.N.content.M.thinking.thinking: Field required`.
import type { Finding } from '../../../../shared/types'
import { isRecord } from '../../protocols/json'
import { providerInUse, rawBlocks, rawMessages, type RuleContext } from '../context'
import { blockPath, finding, severityFor } from '../finding'

export function thinkingTextMissing(ctx: RuleContext): Finding[] {
  if (ctx.protocol !== 'anthropic') return []
  const severity = severityFor(providerInUse(ctx), ['anthropic'])
  const out: Finding[] = []
  rawMessages(ctx).forEach((message, i) => {
    if (!isRecord(message) || message.role !== 'assistant') return
    rawBlocks(message).forEach((block, b) => {
      if (!isRecord(block) || block.type !== 'thinking' || typeof block.thinking === 'string') return
      out.push(
        finding('anthropic.thinking-text-missing', {
          severity,
          messageIndex: i,
          blockIndex: b,
          path: `${blockPath(i, b)}.thinking`,
          message: `Thinking block ${b} of assistant message ${i} has no \`thinking\` text field${'signature' in block ? ' beside its signature' : ''}.`,
          fix: 'Send `"thinking": ""` (or the original text) together with the signature.',
          fixIds: ['restore-thinking']
        })
      )
    })
  })
  return out
}
