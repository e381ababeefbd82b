// What a client changed in an assistant turn when it sent it back, against the response that produced it:
// thinking dropped, turned into text, edited, its signature emptied or altered; reasoning_content dropped,
// emptied, altered or sent as text; tool call ids or names changed. Text is compared exactly (trimmed only to
// recognise thinking replayed as text), signatures byte for byte.
import type { EvidenceChangeKind } from '../../../shared/types'
import type { Turn, TurnCall, TurnThinking } from './turn'

export interface EvidenceChange {
  kind: EvidenceChangeKind
  /** The block of the recorded response concerned (its index in the response's content), or null. */
  recordedBlock: number | null
  /** The block of the sent message concerned (content index; OpenAI tool_calls index), or null. */
  sentBlock: number | null
  /** Characters of the recorded thinking or reasoning concerned, or null. */
  chars: number | null
  /** Recorded value → sent value, for ids, names and signatures (null: the key was absent). */
  from?: string | null
  to?: string | null
}

export function classify(sent: Turn, recorded: Turn, matchedByIds: boolean): EvidenceChange[] {
  return [...thinkingChanges(sent, recorded), ...reasoningChanges(sent, recorded), ...callChanges(sent.calls, recorded.calls, matchedByIds)]
}

function thinkingChanges(sent: Turn, recorded: Turn): EvidenceChange[] {
  const changes: EvidenceChange[] = []
  const free = new Set(sent.thinking)
  const usedText = new Set<number>()
  const unmatched: TurnThinking[] = []
  // Same text (or the same redacted data): the block came back; only its signature may differ.
  for (const r of recorded.thinking) {
    const same = [...free].find((s) => s.type === r.type && (r.type === 'redacted_thinking' ? s.data === r.data : s.thinking === r.thinking))
    if (!same) {
      unmatched.push(r)
      continue
    }
    free.delete(same)
    const signature = signatureChange(r, same)
    if (signature) changes.push(signature)
  }
  const lost: TurnThinking[] = []
  for (const r of unmatched) {
    const wanted = (r.thinking ?? '').trim()
    const asText = wanted === '' ? undefined : sent.texts.find((t) => !usedText.has(t.block) && t.text.trim() === wanted)
    if (asText) {
      usedText.add(asText.block)
      changes.push({ kind: 'thinking-to-text', recordedBlock: r.block, sentBlock: asText.block, chars: wanted.length })
    } else lost.push(r)
  }
  // What is left pairs up in order: the thinking was edited (or a redacted block's data altered).
  const rest = [...free]
  lost.forEach((r, k) => {
    const s = rest[k]
    if (s) changes.push({ kind: 'thinking-edited', recordedBlock: r.block, sentBlock: s.block, chars: (r.thinking ?? r.data).length })
    else changes.push({ kind: 'thinking-dropped', recordedBlock: r.block, sentBlock: null, chars: (r.thinking ?? r.data).length })
  })
  for (const s of rest.slice(lost.length)) changes.push({ kind: 'thinking-added', recordedBlock: null, sentBlock: s.block, chars: null })
  return changes
}

/** A response without a signature (MiMo streams none) counts as `""`, which is what such clients send back. */
function signatureChange(r: TurnThinking, s: TurnThinking): EvidenceChange | null {
  if (r.type !== 'thinking') return null
  const recorded = r.signature ?? ''
  const base = { recordedBlock: r.block, sentBlock: s.block, chars: null, from: recorded }
  if (s.signature === undefined) return recorded === '' ? null : { kind: 'signature-removed', ...base, to: null }
  if (s.signature === recorded) return null
  return { kind: s.signature === '' ? 'signature-emptied' : 'signature-altered', ...base, to: s.signature }
}

function reasoningChanges(sent: Turn, recorded: Turn): EvidenceChange[] {
  const wanted = recorded.reasoning ?? ''
  if (wanted.trim() === '') return []
  const base = { recordedBlock: null, sentBlock: null, chars: wanted.length }
  const value = sent.reasoning
  if (value === undefined || value === null) {
    const asText = sent.texts.find((t) => t.text.trim() === wanted.trim())
    return [{ kind: asText ? 'reasoning-to-text' : 'reasoning-dropped', ...base, sentBlock: asText ? asText.block : null }]
  }
  if (value.trim() === '') return [{ kind: 'reasoning-emptied', ...base }]
  return value === wanted ? [] : [{ kind: 'reasoning-altered', ...base }]
}

/** By id when the turn was found by its ids (then only names can differ), else in order. */
function callChanges(sent: readonly TurnCall[], recorded: readonly TurnCall[], byIds: boolean): EvidenceChange[] {
  const changes: EvidenceChange[] = []
  const pairs: Array<[TurnCall, TurnCall]> = byIds
    ? sent.flatMap((s) => {
        const r = recorded.find((c) => c.id === s.id)
        return r ? [[r, s] as [TurnCall, TurnCall]] : []
      })
    : recorded.slice(0, sent.length).map((r, k) => [r, sent[k]])
  for (const [r, s] of pairs) {
    if (r.id !== s.id) changes.push({ kind: 'tool-id-changed', recordedBlock: r.block, sentBlock: s.block, chars: null, from: r.id, to: s.id })
    if (r.name !== s.name) changes.push({ kind: 'tool-name-changed', recordedBlock: r.block, sentBlock: s.block, chars: null, from: r.name, to: s.name })
  }
  return changes
}
