// What changed in a message's own fields between two requests (OpenAI's reasoning fields and tool_calls, and
// any other field), in the words of message-diff.ts.
import { json, pairedById } from './diff-pairs'
import { isRecord, stringOr, type JsonRecord } from './message-shapes'

export type Protocol = 'anthropic' | 'openai'

const REASONING_FIELDS = ['reasoning_content', 'reasoning', 'reasoning_details'] as const

function isEmptyValue(value: unknown): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0)
}

export function reasoningFieldChanges(base: JsonRecord, next: JsonRecord): string[] {
  const phrases: string[] = []
  for (const field of REASONING_FIELDS) {
    const before = base[field]
    const after = next[field]
    if (json(before) === json(after)) continue
    if (before !== undefined && after === undefined) phrases.push(`${field} removed`)
    else if (before === undefined) phrases.push(isEmptyValue(after) ? `empty ${field} added` : `${field} added`)
    else if (isEmptyValue(after)) phrases.push(`${field} emptied`)
    else phrases.push(`${field} changed`)
  }
  return phrases
}

export function toolCallChanges(protocol: Protocol, base: JsonRecord, next: JsonRecord): string[] {
  const phrases: string[] = []
  if (base.tool_calls !== undefined && next.tool_calls === undefined) phrases.push('tool_calls removed')
  const calls = (m: JsonRecord): JsonRecord[] => (Array.isArray(m.tool_calls) ? m.tool_calls.filter(isRecord) : [])
  const fn = (c: JsonRecord): JsonRecord => (isRecord(c.function) ? c.function : {})
  const noun = protocol === 'openai' ? 'tool call' : 'tool_calls entry'
  const rest = (c: JsonRecord): string | undefined => json({ ...c, function: undefined, id: undefined })
  const compare = (id: string, b: JsonRecord, n: JsonRecord): string[] => {
    const out: string[] = []
    if (fn(b).name !== fn(n).name) out.push(`${noun} ${id} renamed ${String(fn(b).name)} → ${String(fn(n).name)}`)
    if (json(fn(b).arguments) !== json(fn(n).arguments)) out.push(`${noun} ${id} arguments changed`)
    if (rest(b) !== rest(n)) out.push(`${noun} ${id} fields changed`)
    return out
  }
  phrases.push(...pairedById(calls(base), calls(next), (c) => stringOr(c.id, ''), compare, (c) => `${noun} ${stringOr(c.id, '?')}`))
  if (base.tool_call_id !== next.tool_call_id) phrases.push(`tool_call_id changed ${String(base.tool_call_id)} → ${String(next.tool_call_id)}`)
  return phrases
}

const DESCRIBED_FIELDS = new Set(['role', 'content', 'tool_calls', 'tool_call_id', ...REASONING_FIELDS])

export function otherFieldChanges(base: JsonRecord, next: JsonRecord): string[] {
  const phrases: string[] = []
  for (const field of new Set([...Object.keys(base), ...Object.keys(next)])) {
    if (DESCRIBED_FIELDS.has(field)) continue
    const before = base[field]
    const after = next[field]
    if (json(before) === json(after)) continue
    if (before === undefined) phrases.push(`field ${field} added`)
    else if (after === undefined) phrases.push(`field ${field} removed`)
    else phrases.push(`field ${field} changed`)
  }
  return phrases
}
