// The turn diff's second comparison: each assistant message of a request against the recorded response that
// produced it (evidence/), so a client that converts thinking on its very first replay, with no earlier
// request to compare with, still shows "thinking block 0 became a text block". Values are the values.
import type { MessageChange } from '../../../shared/types'
import type { EvidenceChange } from '../evidence/classify'
import { quoted, responseName, signatureChange } from '../evidence/describe'
import type { RequestEvidence } from '../evidence/match'

function phrase(c: EvidenceChange): string {
  const chars = c.chars === null ? '' : ` (${c.chars.toLocaleString('en-US')} characters)`
  switch (c.kind) {
    case 'thinking-dropped':
      return `thinking block ${c.recordedBlock} dropped${chars}`
    case 'thinking-to-text':
      return `thinking block ${c.recordedBlock} became a text block${c.sentBlock !== c.recordedBlock ? ` (block ${c.sentBlock})` : ''}`
    case 'thinking-edited':
      return `thinking block ${c.sentBlock} edited${chars.replace(' (', ' (was ')}`
    case 'thinking-added':
      return `thinking block ${c.sentBlock} added`
    case 'signature-emptied':
    case 'signature-removed':
    case 'signature-altered':
      return `signature of thinking block ${c.sentBlock}: ${signatureChange(c.from, c.to)}`
    case 'reasoning-dropped':
      return `reasoning_content dropped${chars}`
    case 'reasoning-emptied':
      return `reasoning_content emptied${chars.replace(' (', ' (was ')}`
    case 'reasoning-altered':
      return `reasoning_content changed${chars.replace(' (', ' (was ')}`
    case 'reasoning-to-text':
      return `reasoning_content became the content`
    case 'tool-id-changed':
      return `tool call id ${quoted(c.from)} → ${quoted(c.to)}`
    case 'tool-name-changed':
      return `tool ${quoted(c.from)} renamed ${quoted(c.to)}`
  }
}

/** One change per assistant message that differs from its recorded response, in message order. */
export function evidenceChanges(evidence: RequestEvidence): MessageChange[] {
  return [...evidence.turns.values()]
    .filter((t) => t.changes.length > 0)
    .sort((a, b) => a.messageIndex - b.messageIndex)
    .map((t) => ({
      messageIndex: t.messageIndex,
      kind: 'changed',
      role: 'assistant',
      description: `assistant message ${t.messageIndex} vs ${responseName(t.ref)}: ${t.changes.map(phrase).join('; ')}`,
      evidence: t.ref
    }))
}
