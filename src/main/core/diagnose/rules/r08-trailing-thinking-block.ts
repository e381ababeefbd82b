// R08: an assistant message may not end in thinking (a reasoning-only turn): `messages.N: The final block
// in an assistant message cannot be `thinking`.`
import type { Finding } from '../../../../shared/types'
import { providerInUse, type RuleContext } from '../context'
import { blockPath, finding, severityFor } from '../finding'
import { isThinking } from '../history'

export function trailingThinkingBlock(ctx: RuleContext): Finding[] {
  if (ctx.protocol !== 'anthropic') return []
  const severity = severityFor(providerInUse(ctx), ['anthropic'])
  const out: Finding[] = []
  for (const message of ctx.view.messages) {
    const last = message.blocks.length - 1
    if (message.role !== 'assistant' || last < 0 || !isThinking(message.blocks[last])) continue
    out.push(
      finding('anthropic.trailing-thinking-block', {
        severity,
        messageIndex: message.index,
        blockIndex: last,
        path: blockPath(message.index, last),
        message: `Assistant message ${message.index} ends in a \`${message.blocks[last].type}\` block; an assistant message may not end in thinking.`,
        fix: 'Drop the trailing thinking block, or append a short non-empty text block.',
        fixIds: ['drop-trailing-thinking']
      })
    )
  }
  return out
}
