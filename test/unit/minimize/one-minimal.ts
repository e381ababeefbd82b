// An independent check of the minimizer's "1-minimal" claim: every single removal from its result that leaves
// a well-formed request (by the tests' own `problems`) is tried on the tests' own failure condition, and none
// may still fail. It shares no code with the minimizer's own enumeration, so a minimizer that stops early, or
// never tries some kind of removal (a system message, the first user message, a block), fails it.
import { expect } from 'vitest'
import { problems } from './helpers'

type Body = Record<string, unknown>
type Msg = Record<string, unknown>

/** Single removals the result still allows: the descriptions of those that keep the failure (none if 1-minimal). */
export function removableSingles(protocol: 'anthropic' | 'openai', body: Body, failing: (b: Body) => boolean): string[] {
  const out: string[] = []
  const baseline = problems(protocol, body).length
  for (const [what, candidate] of singles(protocol, body)) {
    // Candidates the original's shape already allowed stay allowed; new shape problems make it no candidate.
    if (problems(protocol, candidate).length > baseline) continue
    if (failing(candidate)) out.push(what)
  }
  return out
}

function* singles(protocol: 'anthropic' | 'openai', body: Body): Generator<[string, Body]> {
  const messages = body.messages as Msg[]
  for (let i = 0; i < messages.length; i++) {
    yield [`message ${i}`, { ...body, messages: withoutMessage(protocol, messages, i) }]
    const content = messages[i].content
    if (Array.isArray(content)) {
      for (let k = 0; k < content.length; k++) {
        const next = messages.slice()
        next[i] = { ...messages[i], content: content.filter((_, j) => j !== k) }
        yield [`message ${i} block ${k}`, { ...body, messages: dropAnswers(protocol, next, i, toolIdOf(content[k] as Msg)) }]
      }
    }
    const calls = messages[i].tool_calls
    if (Array.isArray(calls)) {
      for (let k = 0; k < calls.length; k++) {
        const next = messages.slice()
        const kept = calls.filter((_, j) => j !== k)
        next[i] = kept.length ? { ...messages[i], tool_calls: kept } : Object.fromEntries(Object.entries(messages[i]).filter(([key]) => key !== 'tool_calls'))
        yield [`message ${i} call ${k}`, { ...body, messages: dropAnswers(protocol, next, i, (calls[k] as Msg).id as string) }]
      }
    }
  }
  if (Array.isArray(body.tools)) for (let t = 0; t < body.tools.length; t++) yield [`tool ${t}`, { ...body, tools: (body.tools as unknown[]).filter((_, j) => j !== t) }]
  if (Array.isArray(body.system)) for (let s = 0; s < body.system.length; s++) yield [`system ${s}`, { ...body, system: (body.system as unknown[]).filter((_, j) => j !== s) }]
  else if (body.system !== undefined) yield ['system', Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'system'))]
  for (const key of Object.keys(body)) {
    if (['model', 'messages', 'tools', 'system', 'stream', 'thinking', 'max_tokens'].includes(key)) continue
    yield [`param ${key}`, Object.fromEntries(Object.entries(body).filter(([k]) => k !== key))]
  }
}

function toolIdOf(block: Msg): string | null {
  return block?.type === 'tool_use' && typeof block.id === 'string' ? block.id : null
}

/** The message gone, and with an assistant its tool calls' answers. */
function withoutMessage(protocol: 'anthropic' | 'openai', messages: Msg[], i: number): Msg[] {
  const m = messages[i]
  const ids = protocol === 'anthropic'
    ? (Array.isArray(m.content) ? (m.content as Msg[]) : []).map(toolIdOf).filter((x): x is string => !!x)
    : ((m.tool_calls as Msg[] | undefined) ?? []).map((c) => c.id as string)
  let next = messages.filter((_, j) => j !== i)
  for (const id of ids) next = dropAnswers(protocol, next, i - 1, id)
  return next
}

/** Drops the answers to tool call `id` made in message `at` (in the messages after it); an emptied user turn goes too. */
function dropAnswers(protocol: 'anthropic' | 'openai', messages: Msg[], at: number, id: string | null): Msg[] {
  if (!id) return messages
  if (protocol === 'openai') return messages.filter((m, j) => !(j > at && m.role === 'tool' && m.tool_call_id === id))
  return messages.flatMap((m, j) => {
    if (j <= at || !Array.isArray(m.content)) return [m]
    const content = (m.content as Msg[]).filter((b) => !(b.type === 'tool_result' && b.tool_use_id === id))
    if (content.length === m.content.length) return [m]
    return content.length ? [{ ...m, content }] : []
  })
}

/** The result is 1-minimal by the independent check, and the minimizer says so. */
export function expectOneMinimal(protocol: 'anthropic' | 'openai', result: { body: Body; oneMinimal: boolean }, failing: (b: Body) => boolean): void {
  expect(removableSingles(protocol, result.body, failing)).toEqual([])
  expect(result.oneMinimal).toBe(true)
}
