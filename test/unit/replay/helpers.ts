// Builders for the replay tests: request bodies from the diagnosis fixtures, recorded replies reassembled
// from SSE the way MiMo streams them, and shortcuts to apply a fix and lint the result.
import { readFileSync } from 'node:fs'
import type { Diagnosis, Finding, ReassembledMessage } from '../../../src/shared/types'
import { diagnose } from '../../../src/main/core/diagnose/diagnose'
import { buildMessageView } from '../../../src/main/core/protocols/stream-view'
import { applyFix } from '../../../src/main/core/replay/fixes'

export type Protocol = 'anthropic' | 'openai'
export type Body = Record<string, unknown>
export type Message = Record<string, unknown>

/** `request.body` of a shared exchange fixture (test/unit/diagnose/fixtures). */
export function fixtureBody(name: string): Body {
  const x = JSON.parse(readFileSync(new URL(`../diagnose/fixtures/${name}`, import.meta.url), 'utf8')) as { request: { body: Body } }
  return x.request.body
}

export const pretty = (body: unknown): string => JSON.stringify(body, null, 2)

export const messagesOf = (body: Body): Message[] => body.messages as Message[]

export interface Fixed {
  body: Body
  text: string
  changes: string[]
}

export function fix(id: string, protocol: Protocol, body: Body | string, opts: { replies?: ReassembledMessage[]; finding?: Finding } = {}): Fixed {
  const result = applyFix(id, { protocol, bodyText: typeof body === 'string' ? body : pretty(body), finding: opts.finding, replies: opts.replies ?? [] })
  return { body: JSON.parse(result.body) as Body, text: result.body, changes: result.changes }
}

/** The diagnosis as a lint (no status, no response), as the editor shows it before sending. */
export function lint(protocol: Protocol, body: unknown, previousReplies?: ReassembledMessage[]): Diagnosis {
  return diagnose({ protocol, body, status: null, responseText: null, previousReplies })
}

export const errorsOf = (d: Diagnosis): Finding[] => d.findings.filter((f) => f.severity === 'error')
export const ofRule = (d: Diagnosis, rule: string): Finding[] => d.findings.filter((f) => f.rule === rule)
export const R02 = 'compat.reasoning-passback-missing'

// ---------- recorded replies ----------

const sse = (event: string, data: unknown): string => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`

export interface AnthropicReplySpec {
  /** Thinking text; MiMo sends no signature, so `signature` undefined leaves the key out of the stream. */
  thinking?: string
  signature?: string
  redacted?: string
  text?: string
  tools: Array<{ id: string; name: string; input: unknown }>
}

/** A streamed Anthropic reply with thinking → text → tool_use blocks, reassembled by the protocol code. */
export function anthropicReply(spec: AnthropicReplySpec): ReassembledMessage {
  const parts: string[] = [sse('message_start', { type: 'message_start', message: { id: `msg_${spec.tools[0]?.id ?? 'x'}`, type: 'message', role: 'assistant', model: 'mimo-v2.5-pro', content: [], usage: { input_tokens: 100, output_tokens: 1 } } })]
  let index = 0
  const block = (start: unknown, deltas: unknown[]): void => {
    parts.push(sse('content_block_start', { type: 'content_block_start', index, content_block: start }))
    for (const delta of deltas) parts.push(sse('content_block_delta', { type: 'content_block_delta', index, delta }))
    parts.push(sse('content_block_stop', { type: 'content_block_stop', index }))
    index++
  }
  if (spec.redacted !== undefined) block({ type: 'redacted_thinking', data: spec.redacted }, [])
  if (spec.thinking !== undefined) {
    const half = Math.ceil(spec.thinking.length / 2)
    const deltas: unknown[] = [spec.thinking.slice(0, half), spec.thinking.slice(half)].map((t) => ({ type: 'thinking_delta', thinking: t }))
    if (spec.signature !== undefined) deltas.push({ type: 'signature_delta', signature: spec.signature })
    block({ type: 'thinking', thinking: '' }, deltas)
  }
  if (spec.text !== undefined) block({ type: 'text', text: '' }, [{ type: 'text_delta', text: spec.text }])
  for (const tool of spec.tools) block({ type: 'tool_use', id: tool.id, name: tool.name, input: {} }, [{ type: 'input_json_delta', partial_json: JSON.stringify(tool.input) }])
  parts.push(sse('message_delta', { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 50 } }))
  parts.push(sse('message_stop', { type: 'message_stop' }))
  const reply = buildMessageView('anthropic', parts.join(''), 'text/event-stream')
  if (!reply) throw new Error('reply did not reassemble')
  return reply
}

/** A streamed OpenAI reply: reasoning_content deltas, content, then tool_calls in fragments, then [DONE]. */
export function openaiReply(spec: { reasoning?: string; content?: string; calls: Array<{ id: string; name: string; args: string }> }): ReassembledMessage {
  const chunk = (delta: unknown, finish: string | null = null): string =>
    `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', model: 'mimo-v2.5-pro', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`
  const parts = [chunk({ role: 'assistant', content: '', reasoning_content: null })]
  if (spec.reasoning) for (const piece of [spec.reasoning.slice(0, 10), spec.reasoning.slice(10)]) parts.push(chunk({ content: null, reasoning_content: piece }))
  if (spec.content) parts.push(chunk({ content: spec.content }))
  spec.calls.forEach((call, index) => {
    parts.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }))
    parts.push(chunk({ tool_calls: [{ index, function: { arguments: call.args } }] }))
  })
  parts.push(chunk({}, 'tool_calls'), 'data: [DONE]\n\n')
  const reply = buildMessageView('openai', parts.join(''), 'text/event-stream')
  if (!reply) throw new Error('reply did not reassemble')
  return reply
}

// ---------- the math-test session of the fixtures, as recorded ----------

export const THOUGHTS = [
  'The user wants the failing test fixed. I should list the tests directory first to find it.',
  'I need to read tests/math.test.ts to see which assertion fails.',
  'The test expects add(2, 3) to be 5. Let me read src/math.ts to check the implementation.'
]

/** The three MiMo Anthropic replies behind anthropic-thinking-dropped.json (no signatures, as MiMo streams). */
export function recordedAnthropicSession(): ReassembledMessage[] {
  return [
    anthropicReply({ thinking: THOUGHTS[0], tools: [{ id: 'toolu_01', name: 'list_files', input: { path: 'tests' } }] }),
    anthropicReply({ thinking: THOUGHTS[1], tools: [{ id: 'toolu_02', name: 'read_file', input: { path: 'tests/math.test.ts' } }] }),
    anthropicReply({ thinking: THOUGHTS[2], tools: [{ id: 'toolu_03', name: 'read_file', input: { path: 'src/math.ts' } }] })
  ]
}

/** The three OpenAI replies behind openai-reasoning-dropped.json. */
export function recordedOpenaiSession(): ReassembledMessage[] {
  return [
    openaiReply({ reasoning: THOUGHTS[0], calls: [{ id: 'call_1', name: 'list_files', args: '{"path": "tests"}' }] }),
    openaiReply({ reasoning: THOUGHTS[1], calls: [{ id: 'call_2', name: 'read_file', args: '{"path": "tests/math.test.ts"}' }] }),
    openaiReply({ reasoning: THOUGHTS[2], calls: [{ id: 'call_3', name: 'read_file', args: '{"path": "src/math.ts"}' }] })
  ]
}

// ---------- small body builders ----------

export const user = (content: unknown): Message => ({ role: 'user', content })
export const assistant = (content: unknown): Message => ({ role: 'assistant', content })
export const text = (t: string): Message => ({ type: 'text', text: t })
export const thinking = (t: string, signature?: string): Message => (signature === undefined ? { type: 'thinking', thinking: t } : { type: 'thinking', thinking: t, signature })
export const toolUse = (id: string, name = 'read_file', input: unknown = { path: 'a.ts' }): Message => ({ type: 'tool_use', id, name, input })
export const toolResult = (id: string, content: unknown = 'ok'): Message => ({ type: 'tool_result', tool_use_id: id, content })
export const anthropicBody = (messages: unknown[], extra: Body = {}): Body => ({ model: 'mimo-v2.5-pro', max_tokens: 8192, stream: true, messages, ...extra })

export const call = (id: string, name = 'read_file', args = '{"path":"a.ts"}'): Message => ({ id, type: 'function', function: { name, arguments: args } })
export const toolMsg = (id: string, content: unknown = 'ok'): Message => ({ role: 'tool', tool_call_id: id, content })
export const openaiBody = (messages: unknown[], extra: Body = {}): Body => ({ model: 'mimo-v2.5-pro', stream: true, messages, ...extra })
