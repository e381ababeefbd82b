// Whether a candidate is still a well-formed request: the minimizer may drop any message or block (a system
// message, the first user message), but never into a request the API refuses for its shape rather than for the
// failure being kept. Shape problems are counted by kind, and a candidate may not have more of a kind than the
// original had: the original's own oddities (an orphan tool_result that is the very bug) stay allowed.
import { isRecord, type JsonRecord } from '../../protocols/json'
import type { Protocol } from './candidate'
import { messagesOf } from './candidate'

export type ShapeCounts = Record<string, number>

export function shapeProblems(protocol: Protocol, body: JsonRecord): ShapeCounts {
  const counts: ShapeCounts = {}
  const add = (kind: string): void => void (counts[kind] = (counts[kind] ?? 0) + 1)
  const messages = messagesOf(body).map((m) => (isRecord(m) ? m : {}))
  const turns = messages.filter((m) => !isSystem(m))
  if (turns.length === 0) add('no-turn')
  else if (turns[0].role !== 'user') add('first-turn-not-user')
  if (protocol === 'anthropic') anthropicShape(messages, turns, add)
  else openaiShape(body, messages, add)
  return counts
}

/** No kind has more problems than in `allowed` (the original's counts). */
export function noWorseThan(counts: ShapeCounts, allowed: ShapeCounts): boolean {
  return Object.entries(counts).every(([kind, n]) => n <= (allowed[kind] ?? 0))
}

function anthropicShape(messages: JsonRecord[], turns: JsonRecord[], add: (kind: string) => void): void {
  for (let i = 1; i < turns.length; i++) if (turns[i].role === turns[i - 1].role) add('same-role-in-a-row')
  messages.forEach((m, i) => {
    const blocks = Array.isArray(m.content) ? m.content.filter(isRecord) : []
    if (typeof m.content === 'string' ? m.content === '' : blocks.length === 0) add('empty-message')
    const next = nextTurn(messages, i)
    const previous = previousTurn(messages, i)
    for (const b of blocks) {
      if (b.type === 'tool_use' && !blocksOf(next).some((r) => r.type === 'tool_result' && r.tool_use_id === b.id)) add('tool-use-without-result')
      if (b.type === 'tool_result' && !blocksOf(previous).some((u) => u.type === 'tool_use' && u.id === b.tool_use_id)) add('tool-result-without-use')
    }
  })
}

function openaiShape(body: JsonRecord, messages: JsonRecord[], add: (kind: string) => void): void {
  if (body.tool_choice !== undefined && body.tools === undefined) add('tool-choice-without-tools')
  messages.forEach((m, i) => {
    const calls = Array.isArray(m.tool_calls) ? m.tool_calls.filter(isRecord) : []
    if (m.role === 'assistant' && calls.length === 0 && !m.content) add('empty-message')
    if (Array.isArray(m.tool_calls) && calls.length === 0) add('empty-tool-calls')
    for (const call of calls) {
      let k = i + 1
      while (k < messages.length && messages[k].role === 'tool' && messages[k].tool_call_id !== call.id) k++
      if (messages[k]?.role !== 'tool') add('tool-call-without-result')
    }
    if (m.role === 'tool') {
      let k = i - 1
      while (k >= 0 && messages[k].role === 'tool') k--
      const owner = k >= 0 && Array.isArray(messages[k].tool_calls) && (messages[k].tool_calls as unknown[]).some((c) => isRecord(c) && c.id === m.tool_call_id)
      if (!owner) add('tool-result-without-call')
    }
  })
}

function isSystem(m: JsonRecord): boolean {
  return m.role === 'system' || m.role === 'developer'
}

function nextTurn(messages: JsonRecord[], i: number): JsonRecord | null {
  for (let k = i + 1; k < messages.length; k++) if (!isSystem(messages[k])) return messages[k]
  return null
}

function previousTurn(messages: JsonRecord[], i: number): JsonRecord | null {
  for (let k = i - 1; k >= 0; k--) if (!isSystem(messages[k])) return messages[k]
  return null
}

function blocksOf(m: JsonRecord | null): JsonRecord[] {
  return m && Array.isArray(m.content) ? m.content.filter(isRecord) : []
}
