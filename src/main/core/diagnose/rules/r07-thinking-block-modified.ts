// R07: the thinking blocks of the latest assistant message must be exactly what the model returned. Only
// checkable against the recorded response that produced the message (evidence/): text compared decoded,
// signatures byte for byte. Without a recorded response the rule says nothing.
import type { EvidenceChangeKind, Finding } from '../../../../shared/types'
import { evidenceSentence, responseName } from '../../evidence/describe'
import { lastIndexOfRole, providerInUse, type RuleContext } from '../context'
import { evidenceOf, turnChanges } from '../evidence-findings'
import { blockPath, finding, severityFor } from '../finding'
import { isThinking } from '../history'

const MODIFIED: readonly EvidenceChangeKind[] = ['thinking-edited', 'signature-emptied', 'signature-removed', 'signature-altered', 'thinking-added', 'thinking-dropped']

export function thinkingBlockModified(ctx: RuleContext): Finding[] {
  if (ctx.protocol !== 'anthropic') return []
  const index = lastIndexOfRole(ctx, 'assistant')
  const turn = index === -1 ? undefined : ctx.evidence?.turns.get(index)
  if (!turn) return []
  // Thinking left out entirely is allowed outside the tool loop and R01/R02's concern inside it; one block of
  // several left out breaks the sequence.
  const partial = ctx.view.messages[index].blocks.some(isThinking)
  const changes = turnChanges(turn, MODIFIED).filter((c) => MODIFIED.includes(c.kind) && (c.kind !== 'thinking-dropped' || partial))
  if (changes.length === 0) return []
  const first = changes[0]
  const blockIndex = first.sentBlock ?? 0
  return [
    finding('anthropic.thinking-block-modified', {
      severity: severityFor(providerInUse(ctx), ['anthropic']),
      messageIndex: index,
      blockIndex,
      path: blockPath(index, blockIndex),
      message: `${evidenceSentence(ctx.requestN, index, changes, turn.ref)}; the thinking blocks of the latest assistant message must stay exactly as the model returned them.`,
      fix: `Replay the thinking blocks of ${responseName(turn.ref)} byte for byte (text, signature, order).`,
      fixIds: ['restore-thinking'],
      evidence: evidenceOf(turn, first)
    })
  ]
}
