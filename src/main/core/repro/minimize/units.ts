// Whole turns of the history. A unit starts at an assistant message and takes every message up to the next
// assistant message: the user (Anthropic) or tool (OpenAI) messages answering its tool calls stay with it,
// so a tool_use and its tool_result never part. Unit 0 is everything before the first assistant message
// (the system messages and the first user turn) and is never removed: without it an Anthropic history would
// start with an assistant. Dropping any set of later units keeps the roles alternating as they did.
import type { Candidate, State } from './candidate'
import { derive, messagesOf, roleAt } from './candidate'

/** Message indices of each unit, in order; unit 0 may be empty only when the history starts with an assistant. */
export function messageUnits(messages: readonly unknown[]): number[][] {
  const units: number[][] = [[]]
  messages.forEach((_, i) => {
    if (roleAt(messages, i) === 'assistant') units.push([i])
    else units[units.length - 1].push(i)
  })
  return units
}

export function unitOfMessage(units: readonly number[][], messageIndex: number): number | null {
  const u = units.findIndex((unit) => unit.includes(messageIndex))
  return u === -1 ? null : u
}

/** The state with only the units in `keep` (unit 0 always stays). */
export function keepUnits(state: State, units: readonly number[][], keep: readonly number[]): Candidate {
  const messages = messagesOf(state.body)
  const wanted = new Set([0, ...keep])
  const indices = units.flatMap((unit, u) => (wanted.has(u) ? unit : []))
  const body = { ...state.body, messages: indices.map((i) => messages[i]) }
  return derive(state, body, indices.map((i) => state.origIndex[i]), {})
}
