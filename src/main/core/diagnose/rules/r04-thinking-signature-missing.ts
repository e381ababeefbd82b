// R04: a thinking block without a `signature` key. Anthropic and Vertex reject it (`…thinking.signature:
// Field required`); MiMo and other third parties are reported to take unsigned thinking, so a warning there.
import type { Finding } from '../../../../shared/types'
import { providerInUse, type RuleContext } from '../context'
import { blockPath, finding, providerName, severityFor } from '../finding'

export function thinkingSignatureMissing(ctx: RuleContext): Finding[] {
  if (ctx.protocol !== 'anthropic') return []
  const provider = providerInUse(ctx)
  const onAnthropic = provider === 'anthropic'
  const out: Finding[] = []
  for (const message of ctx.view.messages) {
    if (message.role !== 'assistant') continue
    message.blocks.forEach((block, b) => {
      if (block.type !== 'thinking' || block.signature !== null) return
      out.push(
        finding('anthropic.thinking-signature-missing', {
          severity: severityFor(provider, ['anthropic']),
          messageIndex: message.index,
          blockIndex: b,
          path: `${blockPath(message.index, b)}.signature`,
          message: onAnthropic
            ? `Thinking block ${b} of assistant message ${message.index} has no \`signature\`, which Anthropic requires on every thinking block.`
            : `Thinking block ${b} of assistant message ${message.index} has no \`signature\` key; Anthropic would reject it, and ${providerName(provider)} is reported to accept unsigned thinking, most reliably with \`"signature": ""\`.`,
          fix: onAnthropic
            ? 'Replay the block exactly as the API returned it, signature included; thinking from another model cannot be signed.'
            : 'Add `"signature": ""` to the block.',
          fixIds: onAnthropic ? ['restore-thinking'] : ['add-empty-signature']
        })
      )
    })
  }
  return out
}
