// R01: with thinking on, the final assistant tool-use turn must open with thinking (Anthropic, Vertex,
// Bedrock). Where R02 applies (MiMo, DeepSeek, Kimi) a turn with no thinking at all is R02's; R01 then only
// reports thinking that is present but not first.
import type { Finding } from '../../../../shared/types'
import { providerInUse, requiresReasoningPassback, thinkingOn, type RuleContext } from '../context'
import { blockPath, finding, severityFor } from '../finding'
import { finalAssistantIndex, hasThinking, hasToolUse, isThinking, thinkingTurnedToText } from '../history'

export function thinkingFirstInToolTurn(ctx: RuleContext): Finding[] {
  if (ctx.protocol !== 'anthropic' || !thinkingOn(ctx)) return []
  const index = finalAssistantIndex(ctx)
  if (index === -1) return []
  const message = ctx.view.messages[index]
  const first = message.blocks[0]
  if (!hasToolUse(message) || first === undefined || isThinking(first)) return []
  const provider = providerInUse(ctx)
  if (requiresReasoningPassback(provider) && !hasThinking(message)) return []
  const converted = thinkingTurnedToText(message)
  const what = converted
    ? 'opens with a text block that reads like reasoning (thinking replayed as text, as Craft Agents/pi-ai do with unsigned thinking)'
    : `opens with a \`${first.type}\` block`
  return [
    finding('anthropic.thinking-first-in-tool-turn', {
      severity: severityFor(provider, ['anthropic']),
      messageIndex: index,
      blockIndex: 0,
      path: blockPath(index, 0),
      message: `The final tool-use turn, assistant message ${index}, ${what}, but with thinking on it must start with its thinking block.`,
      fix: converted
        ? 'Send that text back as the original `thinking` block (with its signature) at index 0, or disable thinking.'
        : 'Replay the original thinking block(s), with signature, as the first blocks of that message, or disable thinking.',
      fixIds: converted ? ['text-to-thinking', 'disable-thinking'] : ['restore-thinking', 'disable-thinking']
    })
  ]
}
