// What the thinking rules take from the evidence lookup: the recorded turn behind a message, the changes of
// the kinds a rule explains (tool id and name changes ride along, so the sentence shows them too), and the
// finding's `evidence` field.
import type { EvidenceChangeKind, FindingEvidence } from '../../../shared/types'
import type { EvidenceChange } from '../evidence/classify'
import type { TurnEvidence } from '../evidence/match'

const TOOL_CHANGES: readonly EvidenceChangeKind[] = ['tool-id-changed', 'tool-name-changed']

export function turnChanges(turn: TurnEvidence, kinds: readonly EvidenceChangeKind[]): EvidenceChange[] {
  return [...turn.changes.filter((c) => kinds.includes(c.kind)), ...turn.changes.filter((c) => TOOL_CHANGES.includes(c.kind))]
}

export function recordedThinkingCount(turn: TurnEvidence): number {
  return turn.recorded.thinking.length
}

export function recordedReasoning(turn: TurnEvidence): string {
  return (turn.recorded.reasoning ?? '').trim()
}

export function evidenceOf(turn: TurnEvidence, change: EvidenceChange | null): FindingEvidence {
  return { ...turn.ref, messageIndex: turn.messageIndex, blockIndex: change?.recordedBlock ?? null, change: change?.kind ?? null }
}
