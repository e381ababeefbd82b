// restore-thinking (Anthropic): put back the thinking the client lost, exactly as the endpoint returned it,
// from the recorded response behind each assistant turn (evidence/: found by tool call ids, text or place,
// in the conversation first, then anywhere in the store). MiMo checks every tool-call turn (R02), so every
// assistant tool turn is repaired, not only the finding's; a turn whose thinking differs from the recording
// (R07) gets the recorded blocks too. A text block equal to the recorded thinking is pi-ai's thinking→text
// conversion (docs/wire-formats.md §4.1) and goes.
import type { TurnEvidence } from '../../evidence/match'
import { responseName } from '../../evidence/describe'
import type { TurnThinking } from '../../evidence/turn'
import { str, type JsonRecord } from '../../protocols/json'
import { at, blocksOf, isAssistant, isThinkingBlock, messagesOf, plural, toolUseIds } from './body'
import { FixError } from './fix-error'
import type { Fix } from './types'

export const restoreThinking: Fix = {
  protocols: ['anthropic'],
  apply(body, ctx) {
    const evidence = ctx.evidence()
    const changes: string[] = []
    const unrecorded: string[] = []
    messagesOf(body).forEach((message, i) => {
      if (!isAssistant(message) || blocksOf(message) === null) return
      const ids = toolUseIds(message)
      const current = (blocksOf(message) ?? []).filter(isThinkingBlock)
      // Outside the tool loop, thinking left out entirely is allowed: such a turn is only restored when the finding names it.
      if (ids.length === 0 && current.length === 0 && ctx.finding?.messageIndex !== i) return
      const turn = evidence.turns.get(i)
      const recorded = turn?.recorded.thinking ?? []
      if (!turn || recorded.length === 0) {
        if (ids.length > 0 && current.length === 0) {
          unrecorded.push(`${at(i)} (tool_use ${ids.join(', ')})`)
          if (!turn) ctx.unrecorded?.(i)
        }
        return
      }
      if (current.length > 0 && sameThinking(current, recorded)) return
      changes.push(...restore(message, i, turn, current.length > 0))
    })
    if (changes.length === 0) {
      throw new FixError(
        unrecorded.length > 0
          ? `no recorded response holds the thinking of ${unrecorded.join(', ')}`
          : 'no assistant turn is missing its thinking or differs from the recorded response'
      )
    }
    for (const where of unrecorded) changes.push(`${where}: left as is, no recorded response holds its thinking`)
    return changes
  }
}

function sameThinking(current: readonly JsonRecord[], recorded: readonly TurnThinking[]): boolean {
  if (current.length !== recorded.length) return false
  return recorded.every((r, k) => {
    const c = current[k]
    if (r.type === 'redacted_thinking') return c.type === 'redacted_thinking' && c.data === r.data
    // A missing signature counts as the empty one MiMo's replies carry; add-empty-signature handles the key.
    return c.type === 'thinking' && c.thinking === r.thinking && (str(c.signature) ?? '') === (r.signature ?? '')
  })
}

/** The wire block for a recorded one. MiMo sends no signature, and wants `""` back (R04, docs/wire-formats.md §4.1). */
function wireThinking(block: TurnThinking): Record<string, unknown> {
  if (block.type === 'redacted_thinking') return { type: 'redacted_thinking', data: block.data }
  return { type: 'thinking', thinking: block.thinking ?? '', signature: block.signature ?? '' }
}

/** Recorded blocks first, then the message without its old thinking and without the text copies of it. */
function restore(message: JsonRecord, i: number, turn: TurnEvidence, replacing: boolean): string[] {
  const blocks = blocksOf(message) ?? []
  const recorded = turn.recorded.thinking
  const from = responseName(turn.ref)
  const copies = new Set(turn.changes.flatMap((c) => (c.kind === 'thinking-to-text' && c.sentBlock !== null ? [c.sentBlock] : [])))
  const changes: string[] = []
  const kept: unknown[] = []
  blocks.forEach((block, b) => {
    if (isThinkingBlock(block)) return
    if (copies.has(b)) {
      changes.push(`${at(i)}: text block ${b} removed (a copy of the recorded thinking)`)
      return
    }
    kept.push(block)
  })
  const old = blocks.filter(isThinkingBlock).length
  message.content = [...recorded.map(wireThinking), ...kept]
  if (replacing) return [`${at(i)}: ${plural(old, 'thinking block')} replaced by the ${recorded.length} of ${from} (text or signature differed)`, ...changes]
  const lines = recorded.map((r) =>
    r.type === 'redacted_thinking'
      ? `${at(i)}: redacted_thinking block restored from ${from}`
      : `${at(i)}: thinking block restored from ${from} (signature ${r.signature ? 'as recorded' : '""'})`
  )
  return [...lines, ...changes]
}
