// R09: with thinking off, the final assistant message (of the open tool loop) may not contain thinking.
// Typical after a proxy turned thinking off mid-session (LiteLLM modify_params).
import type { Finding } from '../../../../shared/types'
import { providerInUse, thinkingOn, type RuleContext } from '../context'
import { blockPath, finding, severityFor } from '../finding'
import { finalAssistantIndex, isThinking } from '../history'

export function thinkingWhenDisabled(ctx: RuleContext): Finding[] {
  if (ctx.protocol !== 'anthropic' || thinkingOn(ctx)) return []
  const index = finalAssistantIndex(ctx)
  if (index === -1) return []
  const message = ctx.view.messages[index]
  const b = message.blocks.findIndex(isThinking)
  if (b === -1) return []
  const why = ctx.view.thinking === 'disabled' ? 'thinking is disabled' : 'the request does not enable thinking'
  return [
    finding('anthropic.thinking-when-disabled', {
      severity: severityFor(providerInUse(ctx), ['anthropic']),
      messageIndex: index,
      blockIndex: b,
      path: blockPath(index, b),
      message: `The final assistant message, ${index}, holds a thinking block while ${why}.`,
      fix: 'Strip the thinking blocks from that message, or enable thinking.',
      fixIds: ['drop-thinking']
    })
  ]
}
