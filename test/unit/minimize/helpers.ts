// Synthetic histories and oracles for the minimizer tests. The oracles fail the way MiMo does (its R02 body)
// when a condition on the candidate holds, and every candidate is checked for structural validity first.
import { errorFingerprint } from '../../../src/main/core/repro/minimize/fingerprint'
import type { MinimizeProgress, Oracle } from '../../../src/main/core/repro/minimize/minimize'

type Body = Record<string, unknown>
type Msg = Record<string, unknown>

export const R02_BODY = 'data:{"error":{"code":"400","message":"Param Incorrect","param":"The reasoning_content in the thinking mode must be passed back to the API.","type":""}}'
export const TARGET = errorFingerprint(400, R02_BODY, 'text/event-stream')
export const OTHER = errorFingerprint(400, '{"error":{"code":"400","message":"Param Incorrect","param":"`text` is not present","type":""}}')

export const tool = (name: string, size = 100): Msg => ({ name, description: `Tool ${name}. `.padEnd(size, '.'), input_schema: { type: 'object', properties: { path: { type: 'string' } } } })

/**
 * Anthropic history of exactly `n` messages: a user prompt, then turns (assistant [thinking, tool_use],
 * user [tool_result]); an even `n` ends with an assistant text. Turn k's assistant is message 2k+1.
 * `bad` turns lose their thinking (the R02 shape).
 */
export function anthropicHistory(n: number, bad: readonly number[] = [], extra: Body = {}): Body {
  const messages: Msg[] = [{ role: 'user', content: 'Fix the failing test.' }]
  for (let k = 0; messages.length + 2 <= n; k++) {
    const id = `toolu_${k}`
    const thinking = bad.includes(k) ? [] : [{ type: 'thinking', thinking: `Reading file ${k}.`, signature: '' }]
    messages.push({ role: 'assistant', content: [...thinking, { type: 'text', text: `Step ${k}.` }, { type: 'tool_use', id, name: `tool_${k % 5}`, input: { path: `f${k}.ts` } }] })
    messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: `contents of f${k}.ts` }] })
  }
  if (messages.length < n) messages.push({ role: 'assistant', content: [{ type: 'text', text: 'Done.' }] })
  return { model: 'mimo-v2.5-pro', max_tokens: 8192, stream: true, thinking: { type: 'enabled' }, tools: Array.from({ length: 8 }, (_, i) => tool(`tool_${i}`)), messages, ...extra }
}

/** OpenAI history of `n` messages: system, user, then turns (assistant with tool_calls, tool). */
export function openaiHistory(n: number, bad: readonly number[] = [], extra: Body = {}): Body {
  const messages: Msg[] = [{ role: 'system', content: 'You are a coding agent.' }, { role: 'user', content: 'Fix the failing test.' }]
  for (let k = 0; messages.length + 2 <= n; k++) {
    const id = `call_${k}`
    const reasoning = bad.includes(k) ? {} : { reasoning_content: `Reading file ${k}.` }
    messages.push({ role: 'assistant', content: '', ...reasoning, tool_calls: [{ id, type: 'function', function: { name: `tool_${k % 5}`, arguments: `{"path":"f${k}.ts"}` } }] })
    messages.push({ role: 'tool', tool_call_id: id, content: `contents of f${k}.ts` })
  }
  if (messages.length < n) messages.push({ role: 'assistant', content: 'Done.' })
  const tools = Array.from({ length: 8 }, (_, i) => ({ type: 'function', function: { name: `tool_${i}`, description: `Tool ${i}.`, parameters: { type: 'object' } } }))
  return { model: 'mimo-v2.5-pro', stream: true, tools, messages, ...extra }
}

export const messagesOf = (body: Body): Msg[] => body.messages as Msg[]
const blocks = (m: Msg): Msg[] => (Array.isArray(m.content) ? (m.content as Msg[]) : [])

/** Anthropic: an assistant turn with a tool_use and no thinking (R02). */
export function anthropicR02(body: Body): boolean {
  return messagesOf(body).some((m) => m.role === 'assistant' && blocks(m).some((b) => b.type === 'tool_use') && !blocks(m).some((b) => b.type === 'thinking'))
}

export function openaiR02(body: Body): boolean {
  return messagesOf(body).some((m) => m.role === 'assistant' && Array.isArray(m.tool_calls) && m.tool_calls.length > 0 && !m.reasoning_content)
}

/** The request mentions `needle` anywhere (a marker put in one message). */
export const mentions = (body: Body, needle: string): boolean => JSON.stringify(body).includes(needle)

/** Structural problems of a request; [] when valid. */
export function problems(protocol: 'anthropic' | 'openai', body: Body): string[] {
  return protocol === 'anthropic' ? anthropicProblems(body) : openaiProblems(body)
}

function anthropicProblems(body: Body): string[] {
  const out: string[] = []
  const ms = messagesOf(body)
  if (!Array.isArray(ms) || ms.length === 0) return ['no messages']
  if (ms[0].role !== 'user') out.push('first message is not user')
  const toolNames = new Set(((body.tools as Msg[] | undefined) ?? []).map((t) => t.name))
  ms.forEach((m, i) => {
    if (i > 0 && m.role === ms[i - 1].role) out.push(`messages ${i - 1} and ${i} have the same role`)
    if (typeof m.content === 'string' ? m.content === '' : blocks(m).length === 0) out.push(`message ${i} is empty`)
    const uses = blocks(m).filter((b) => b.type === 'tool_use')
    for (const u of uses) {
      if (body.tools !== undefined && !toolNames.has(u.name)) out.push(`message ${i} calls a tool not in tools`)
      if (!blocks(ms[i + 1] ?? {}).some((b) => b.type === 'tool_result' && b.tool_use_id === u.id)) out.push(`tool_use ${u.id} has no result`)
    }
    for (const r of blocks(m).filter((b) => b.type === 'tool_result')) {
      if (!blocks(ms[i - 1] ?? {}).some((b) => b.type === 'tool_use' && b.id === r.tool_use_id)) out.push(`tool_result ${r.tool_use_id} has no tool_use`)
    }
  })
  return out
}

function openaiProblems(body: Body): string[] {
  const out: string[] = []
  const ms = messagesOf(body)
  let i = 0
  while (i < ms.length && ms[i].role === 'system') i++
  if (ms[i]?.role !== 'user') out.push('first message after the system ones is not user')
  if (body.tool_choice !== undefined && body.tools === undefined) out.push('tool_choice without tools')
  const toolNames = new Set(((body.tools as Msg[] | undefined) ?? []).map((t) => (t.function as Msg).name))
  ms.forEach((m, j) => {
    if (j >= i && m.role === 'system') out.push(`system message ${j} is not at the front`)
    const calls = (m.tool_calls as Msg[] | undefined) ?? []
    if (m.role === 'assistant' && calls.length === 0 && !m.content) out.push(`assistant ${j} is empty`)
    if (Array.isArray(m.content) && m.content.length === 0 && calls.length === 0) out.push(`message ${j} has no content`)
    if (m.tool_calls !== undefined && calls.length === 0) out.push(`assistant ${j} has an empty tool_calls`)
    for (const c of calls) {
      if (body.tools !== undefined && !toolNames.has((c.function as Msg).name)) out.push(`message ${j} calls a tool not in tools`)
      let k = j + 1
      while (k < ms.length && ms[k].role === 'tool' && ms[k].tool_call_id !== c.id) k++
      if (ms[k]?.role !== 'tool') out.push(`tool call ${c.id} has no tool message right after it`)
    }
    if (m.role === 'tool') {
      let k = j - 1
      while (k >= 0 && ms[k].role === 'tool') k--
      const owner = ((ms[k]?.tool_calls as Msg[] | undefined) ?? []).some((c) => c.id === m.tool_call_id)
      if (!owner) out.push(`tool message ${j} does not follow its assistant`)
    }
  })
  return out
}

export interface Recorder {
  oracle: Oracle
  /** Every candidate sent, as JSON. */
  sent: string[]
  invalid: string[]
}

/** An oracle answering TARGET when `failing(candidate)`, `ok` otherwise; an invalid candidate is recorded. */
export function syntheticOracle(protocol: 'anthropic' | 'openai', failing: (body: Body) => boolean): Recorder {
  const rec: Recorder = {
    sent: [],
    invalid: [],
    oracle: async (candidate) => {
      rec.sent.push(JSON.stringify(candidate))
      const bad = problems(protocol, candidate)
      if (bad.length > 0) {
        rec.invalid.push(bad.join('; '))
        return { fingerprint: OTHER }
      }
      return { fingerprint: failing(candidate) ? TARGET : 'ok' }
    }
  }
  return rec
}

/** Oracle calls made in one phase, from the progress reports. */
export function callsIn(progress: readonly MinimizeProgress[], phase: string): number {
  let calls = 0
  let last = 0
  for (const p of progress) {
    if (p.requestsUsed > last && p.phase === phase) calls += p.requestsUsed - last
    last = p.requestsUsed
  }
  return calls
}
