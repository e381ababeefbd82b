// R04: a thinking block without a `signature` key. Anthropic and Vertex reject it (`…thinking.signature:
// Field required`); MiMo and other third parties are reported to take unsigned thinking, so a warning there.
import type { Finding } from '../../../../shared/types'
import { providerInUse, type RuleContext } from '../context'
import { evidenceSentence, responseName } from '../../evidence/describe'
import { evidenceOf } from '../evidence-findings'
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
      // The recorded response signed this block: the client dropped the signature, and the recording has it.
      const turn = ctx.evidence?.turns.get(message.index)
      const removed = turn?.changes.find((c) => c.kind === 'signature-removed' && c.sentBlock === b)
      const at = { severity: severityFor(provider, ['anthropic']), messageIndex: message.index, blockIndex: b, path: `${blockPath(message.index, b)}.signature` }
      if (turn && removed) {
        out.push(
          finding('anthropic.thinking-signature-missing', {
            ...at,
            message: `${evidenceSentence(ctx.requestN, message.index, [removed], turn.ref)}; ${onAnthropic ? 'Anthropic requires the signature on every thinking block' : `${providerName(provider)} is reported to take unsigned thinking, but this block is not what the model returned`}.`,
            fix: `Put back the thinking of ${responseName(turn.ref)} with its signature (restore-thinking).`,
            fixIds: ['restore-thinking'],
            evidence: evidenceOf(turn, removed)
          })
        )
        return
      }
      out.push(
        finding('anthropic.thinking-signature-missing', {
          ...at,
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
