// R01: with thinking on, the final assistant tool-use turn must open with thinking (Anthropic, Vertex,
// Bedrock). Where R02 applies (MiMo, DeepSeek, Kimi) a turn with no thinking at all is R02's; R01 then only
// reports thinking that is present but not first. The recorded response that produced the turn, when there is
// one, says what became of its thinking; the turn's shape is read only without one.
import type { Finding } from '../../../../shared/types'
import { SHAPE_ONLY, evidenceSentence, responseName } from '../../evidence/describe'
import { providerInUse, requiresReasoningPassback, thinkingOn, type RuleContext } from '../context'
import { evidenceOf, recordedThinkingCount, turnChanges } from '../evidence-findings'
import { blockPath, finding, severityFor } from '../finding'
import { finalAssistantIndex, hasThinking, hasToolUse, isThinking, thinkingTurnedToText } from '../history'

const RULE = 'anthropic.thinking-first-in-tool-turn'
const MUST = 'but with thinking on the final tool-use turn must start with its thinking block'

export function thinkingFirstInToolTurn(ctx: RuleContext): Finding[] {
  if (ctx.protocol !== 'anthropic' || !thinkingOn(ctx)) return []
  const index = finalAssistantIndex(ctx)
  if (index === -1) return []
  const message = ctx.view.messages[index]
  const first = message.blocks[0]
  if (!hasToolUse(message) || first === undefined || isThinking(first)) return []
  const provider = providerInUse(ctx)
  if (requiresReasoningPassback(provider) && !hasThinking(message)) return []
  const at = { severity: severityFor(provider, ['anthropic']), messageIndex: index, blockIndex: 0, path: blockPath(index, 0) }
  const turn = ctx.evidence?.turns.get(index)
  if (turn && recordedThinkingCount(turn) > 0 && !hasThinking(message)) {
    const changes = turnChanges(turn, ['thinking-dropped', 'thinking-to-text'])
    const converted = changes.some((c) => c.kind === 'thinking-to-text')
    return [
      finding(RULE, {
        ...at,
        message: `${evidenceSentence(ctx.requestN, index, changes, turn.ref)}, ${MUST}.`,
        fix: `Put back the thinking ${responseName(turn.ref)} returned, signature included, as the first blocks (restore-thinking), or disable thinking.`,
        fixIds: converted ? ['restore-thinking', 'text-to-thinking', 'disable-thinking'] : ['restore-thinking', 'disable-thinking'],
        evidence: evidenceOf(turn, changes[0] ?? null)
      })
    ]
  }
  const converted = thinkingTurnedToText(message)
  const what = converted
    ? 'opens with a text block that reads like reasoning (thinking replayed as text, as Craft Agents/pi-ai do with unsigned thinking)'
    : `opens with a \`${first.type}\` block`
  const shapeOnly = hasThinking(message) ? '' : ` ${SHAPE_ONLY}`
  return [
    finding(RULE, {
      ...at,
      message: `The final tool-use turn, assistant message ${index}, ${what}, ${MUST}.${shapeOnly}`,
      fix: converted
        ? 'Send that text back as the original `thinking` block (with its signature) at index 0, or disable thinking.'
        : 'Replay the original thinking block(s), with signature, as the first blocks of that message, or disable thinking.',
      fixIds: converted ? ['text-to-thinking', 'disable-thinking'] : hasThinking(message) ? ['restore-thinking', 'disable-thinking'] : ['disable-thinking']
    })
  ]
}
