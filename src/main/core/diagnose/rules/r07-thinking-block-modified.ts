// R07: the thinking blocks of the latest assistant message must be exactly what the model returned. Only
// checkable against the stored response, so the rule needs `previousReplies` and says nothing without them.
import type { Finding, MessageBlock, ReassembledMessage, TimelineBlock, TimelineMessage } from '../../../../shared/types'
import { lastIndexOfRole, providerInUse, type RuleContext } from '../context'
import { blockPath, finding, severityFor } from '../finding'
import { isThinking } from '../history'

export function thinkingBlockModified(ctx: RuleContext): Finding[] {
  if (ctx.protocol !== 'anthropic' || !ctx.previousReplies || ctx.previousReplies.length === 0) return []
  const index = lastIndexOfRole(ctx, 'assistant')
  if (index === -1) return []
  const message = ctx.view.messages[index]
  const reply = originalReply(message, ctx.previousReplies)
  if (!reply) return []

  const sent = message.blocks.map((block, b) => ({ block, b })).filter(({ block }) => isThinking(block))
  const original = reply.blocks.filter(isThinking)
  const n = Math.max(sent.length, original.length)
  for (let k = 0; k < n; k++) {
    const s = sent[k]
    const o = original[k]
    if (s && o && sameThinking(s.block, o)) continue
    const blockIndex = s ? s.b : sent.length > 0 ? sent[sent.length - 1].b : 0
    const what = !s ? `lost thinking block ${k} of the response` : !o ? 'has a thinking block the response did not have' : `changed thinking block ${s.b}`
    return [
      finding('anthropic.thinking-block-modified', {
        severity: severityFor(providerInUse(ctx), ['anthropic']),
        messageIndex: index,
        blockIndex,
        path: blockPath(index, blockIndex),
        message: `The latest assistant message, ${index}, ${what}; its thinking blocks must stay exactly as the model returned them.`,
        fix: 'Replay the thinking blocks byte for byte as received (text, signature, order).',
        fixIds: ['restore-thinking']
      })
    ]
  }
  return []
}

/** The reply this assistant message replays: same tool_use ids, or else the same text. */
function originalReply(message: TimelineMessage, replies: readonly ReassembledMessage[]): ReassembledMessage | null {
  const ids = toolIds(message.blocks)
  const text = textOf(message.blocks)
  for (let r = replies.length - 1; r >= 0; r--) {
    const reply = replies[r]
    if (reply.protocol !== 'anthropic') continue
    if (ids !== '' && toolIds(reply.blocks) === ids) return reply
    if (ids === '' && text !== '' && textOf(reply.blocks) === text) return reply
  }
  return null
}

function toolIds(blocks: readonly (TimelineBlock | MessageBlock)[]): string {
  return blocks.flatMap((b) => (b.type === 'tool_use' ? [b.id] : [])).join(',')
}

function textOf(blocks: readonly (TimelineBlock | MessageBlock)[]): string {
  return blocks.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('\n')
}

function sameThinking(a: TimelineBlock, b: MessageBlock): boolean {
  if (a.type === 'thinking' && b.type === 'thinking') return a.thinking === b.thinking && (a.signature ?? '') === (b.signature ?? '')
  if (a.type === 'redacted_thinking' && b.type === 'redacted_thinking') return a.data === b.data
  return false
}
