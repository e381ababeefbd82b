// N.1: an assistant turn sent back other than the recorded response returned it, in ways the thinking
// rules do not already explain: tool call ids or names rewritten, reasoning_content altered (or emptied where
// the endpoint takes an empty one), thinking edited
// or re-signed in an earlier turn (R07 covers the latest one). Not known to be rejected by itself, so a
// warning; it names the response so the user can compare.
import type { EvidenceChangeKind, Finding } from '../../../../shared/types'
import { evidenceSentence, responseName } from '../../evidence/describe'
import { lastIndexOfRole, type RuleContext } from '../context'
import { evidenceOf } from '../evidence-findings'
import { finding, type FixId } from '../finding'

const TOOLS: readonly EvidenceChangeKind[] = ['tool-id-changed', 'tool-name-changed']
const THINKING: readonly EvidenceChangeKind[] = ['thinking-edited', 'signature-emptied', 'signature-removed', 'signature-altered']
// Emptied reasoning is R02's where the endpoint rejects it; where it is taken as a placeholder (MiMo, Kimi) it is noted here.
const REASONING: readonly EvidenceChangeKind[] = ['reasoning-altered', 'reasoning-emptied']

export function turnDiffersFromResponse(ctx: RuleContext): Finding[] {
  if (!ctx.evidence) return []
  const latest = lastIndexOfRole(ctx, 'assistant')
  const out: Finding[] = []
  for (const turn of ctx.evidence.turns.values()) {
    const thinkingHere = ctx.protocol === 'anthropic' && turn.messageIndex !== latest
    const changes = turn.changes.filter((c) => TOOLS.includes(c.kind) || REASONING.includes(c.kind) || (thinkingHere && THINKING.includes(c.kind)))
    if (changes.length === 0) continue
    const fixIds: FixId[] = []
    if (changes.some((c) => THINKING.includes(c.kind))) fixIds.push('restore-thinking')
    if (changes.some((c) => REASONING.includes(c.kind))) fixIds.push('restore-reasoning-content')
    const first = changes[0]
    out.push(
      finding('compat.turn-differs-from-response', {
        severity: 'warning',
        messageIndex: turn.messageIndex,
        blockIndex: first.sentBlock,
        path: `messages[${turn.messageIndex}]`,
        message: `${evidenceSentence(ctx.requestN, turn.messageIndex, changes, turn.ref)}.`,
        fix: fixIds.length > 0 ? `Send the turn back as ${responseName(turn.ref)} returned it.` : `Keep the tool calls as ${responseName(turn.ref)} returned them (ids and names), in the assistant turn and its tool results alike.`,
        fixIds,
        evidence: evidenceOf(turn, first)
      })
    )
  }
  return out
}
