// Request builders and runners for the diagnosis tests; shapes follow docs/rules.md.
import { readFileSync } from 'node:fs'
import type { Diagnosis, Finding, ReassembledMessage } from '../../../src/shared/types'
import { listEvidence } from '../../../src/main/core/evidence/list-evidence'
import { diagnose, type DiagnoseInput } from '../../../src/main/core/diagnose/diagnose'
import type { RuleContext } from '../../../src/main/core/diagnose/context'
import { requestView } from '../../../src/main/core/protocols/request-view'

export type Protocol = 'anthropic' | 'openai'

export interface Exchange {
  request: { method: string; path: string; headers: Record<string, string>; body: unknown }
  response?: { status: number; headers: Record<string, string>; body: string }
}

export function exchangeFixture(name: string): Exchange {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Exchange
}

export function diagnoseExchange(x: Exchange): Diagnosis {
  return diagnose({
    protocol: x.request.path.includes('/anthropic/') ? 'anthropic' : 'openai',
    body: x.request.body,
    status: x.response?.status ?? null,
    responseText: x.response?.body ?? null,
    responseContentType: x.response?.headers['content-type'] ?? null
  })
}

/** MiMo's error body (W1), streamed with its bare `data:` prefix (W2) unless `stream` is false. */
export function mimoError(param: string, { stream = true, code = '400' } = {}): string {
  const json = JSON.stringify({ error: { code, message: 'Param Incorrect', param, type: '' } })
  return stream ? `data:${json}` : json
}

export function anthropicError(message: string, type = 'invalid_request_error'): string {
  return JSON.stringify({ type: 'error', error: { type, message }, request_id: 'req_011CUdL49e3Fu9bCKbWF6cXD' })
}

export const MIMO_REASONING = 'The reasoning_content in the thinking mode must be passed back to the API.'

export function run(protocol: Protocol, body: unknown, extra: Partial<DiagnoseInput> = {}): Diagnosis {
  return diagnose({ protocol, body, status: null, responseText: null, ...extra })
}

/** A 400 with the given body text. */
export function fail(protocol: Protocol, body: unknown, responseText: string, extra: Partial<DiagnoseInput> = {}): Diagnosis {
  return run(protocol, body, { status: 400, responseText, ...extra })
}

/** The context a rule sees, for calling one rule alone. */
export function ctx(protocol: Protocol, body: Record<string, unknown>, extra: Partial<RuleContext> = {}): RuleContext {
  return { protocol, body, view: requestView(protocol, body), error: null, status: null, ...extra }
}

/** The same, with the recorded responses of its conversation as evidence (oldest first). */
export function withReplies(protocol: Protocol, body: Record<string, unknown>, replies: ReassembledMessage[], extra: Partial<RuleContext> = {}): RuleContext {
  return ctx(protocol, body, { evidence: listEvidence(body, replies), ...extra })
}

export const ofRule = (findings: readonly Finding[], rule: string): Finding[] => findings.filter((f) => f.rule === rule)
export const errorsOf = (findings: readonly Finding[]): Finding[] => findings.filter((f) => f.severity === 'error')

// ---------- Anthropic builders ----------

export const user = (content: unknown): Record<string, unknown> => ({ role: 'user', content })
export const assistant = (content: unknown): Record<string, unknown> => ({ role: 'assistant', content })
export const text = (t: string): Record<string, unknown> => ({ type: 'text', text: t })
/** A thinking block; `signature: null` leaves the key out (R04). */
export const thinking = (t: string, signature: string | null = ''): Record<string, unknown> =>
  signature === null ? { type: 'thinking', thinking: t } : { type: 'thinking', thinking: t, signature }
export const toolUse = (id: string, name = 'read_file', input: unknown = { path: 'a.ts' }): Record<string, unknown> => ({ type: 'tool_use', id, name, input })
export const toolResult = (id: string, content: unknown = 'ok'): Record<string, unknown> => ({ type: 'tool_result', tool_use_id: id, content })

export function anthropicBody(messages: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: 'mimo-v2.5-pro', max_tokens: 8192, stream: true, messages, ...extra }
}

/** user → n × (assistant [thinking?, tool_use], user [tool_result]); `withThinking(k)` decides per turn k. */
export function anthropicToolSession(turns: number, withThinking: (k: number) => boolean = () => true): unknown[] {
  const messages: unknown[] = [user('Fix the failing test.')]
  for (let k = 0; k < turns; k++) {
    const id = `toolu_${k}`
    messages.push(assistant([...(withThinking(k) ? [thinking(`I should read file ${k}.`)] : []), toolUse(id)]))
    messages.push(user([toolResult(id, `contents of file ${k}`)]))
  }
  return messages
}

// ---------- OpenAI builders ----------

export const system = (content: string): Record<string, unknown> => ({ role: 'system', content })
export const call = (id: string, name = 'read_file', args = '{"path":"a.ts"}'): Record<string, unknown> => ({
  id,
  type: 'function',
  function: { name, arguments: args }
})
export const toolMsg = (id: string, content: unknown = 'ok'): Record<string, unknown> => ({ role: 'tool', tool_call_id: id, content })

export function openaiBody(messages: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { model: 'mimo-v2.5-pro', stream: true, messages, ...extra }
}

/** system, user, then n × (assistant with tool_calls and maybe reasoning_content, tool). */
export function openaiToolSession(turns: number, reasoning: (k: number) => unknown = (k) => `Plan for step ${k}.`): unknown[] {
  const messages: unknown[] = [system('You are a coding agent.'), { role: 'user', content: 'Fix the failing test.' }]
  for (let k = 0; k < turns; k++) {
    const id = `call_${k}`
    const r = reasoning(k)
    messages.push({ role: 'assistant', content: '', ...(r === undefined ? {} : { reasoning_content: r }), tool_calls: [call(id)] })
    messages.push(toolMsg(id, `contents of file ${k}`))
  }
  return messages
}
