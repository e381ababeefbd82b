// Agent sessions in the shapes real agents send (test/fixtures/clients, captured from the agents themselves),
// driven by the real SDKs through a proxy URL to the emulator, each ending in MiMo's reasoning 400:
// - Claude Code: its harness preamble in `system`, `<system-reminder>` user text, a `role: "system"` message
//   at messages[1], `thinking: {"type": "adaptive"}` for a non-Claude model, X-Claude-Code-Session-Id; the
//   reply has prose before two parallel tool calls, and the next request drops the thinking but keeps the
//   prose ("I will write the file now."), which reads like reasoning to a wording heuristic.
// - OpenCode: its system prompt leading, x-session-id; a re-run (a new session id) replays a tool-call turn
//   that the first session recorded, without its reasoning_content (OpenCode 1.0.185's custom-provider bug).
import { readFileSync } from 'node:fs'
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import type { Emulator } from '../emulator/server'

export const AGENT_KEY = 'sk-realshape0123456789abcdefghijk'

type Json = Record<string, unknown>

function fixture(path: string): { request: { headers: Record<string, string>; body: Json } } {
  return JSON.parse(readFileSync(new URL(`../fixtures/clients/${path}`, import.meta.url), 'utf8'))
}

/** What Claude Code's first turn thought, and the prose it wrote before its tool calls. */
export const CLAUDE_THOUGHT = 'The user wants the command run and its output saved. I can run echo and write the file in parallel.'
export const CLAUDE_PROSE = 'I will write the file now.'

export interface ClaudeCodeRun {
  /** Status of the turn that worked and of the one that failed. */
  statuses: Array<number | null>
  sessionId: string
}

/**
 * Claude Code 2.1.197 (claude-code/04.json): turn 1 is answered with thinking, prose and two parallel tool
 * calls; turn 2 sends that turn back without its thinking block (a context manager that strips thinking) and
 * MiMo answers 400. `drop` may instead keep the thinking (a healthy turn 2).
 */
export async function claudeCodeDroppedThinking(proxyUrl: string, emulator: Emulator, drop = true): Promise<ClaudeCodeRun> {
  const captured = fixture('claude-code/04.json').request
  const sessionId = 'c606dd9c-1eac-479f-8901-7e42cf8d138d'
  const client = new Anthropic({
    baseURL: `${proxyUrl}/anthropic`,
    apiKey: AGENT_KEY,
    maxRetries: 0,
    defaultHeaders: { 'X-Claude-Code-Session-Id': sessionId, 'x-app': 'cli', 'anthropic-beta': captured.headers['anthropic-beta'] }
  })
  const { messages: capturedMessages, ...rest } = captured.body as { messages: Json[] } & Json
  // messages[0]: <system-reminder> + the prompt; messages[1]: Claude Code's role "system" message.
  const history: Json[] = [capturedMessages[0], capturedMessages[1]]
  const send = async (): Promise<{ status: number | null; content: Json[] }> => {
    try {
      const message = await client.beta.messages.stream({ ...rest, messages: history } as never).finalMessage()
      return { status: 200, content: message.content as unknown as Json[] }
    } catch (err) {
      return { status: (err as { status?: number }).status ?? null, content: [] }
    }
  }
  emulator.script({
    thinking: CLAUDE_THOUGHT,
    text: CLAUDE_PROSE,
    toolCalls: [
      { name: 'Bash', input: { command: 'echo hello', description: 'Print hello' } },
      { name: 'Write', input: { file_path: '/tmp/out.txt', content: 'hello\n' } }
    ],
    signature: null
  })
  const first = await send()
  const content = first.content.filter((b) => !drop || b.type !== 'thinking')
  history.push({ role: 'assistant', content })
  const uses = content.filter((b) => b.type === 'tool_use')
  history.push({ role: 'user', content: uses.map((u) => ({ type: 'tool_result', tool_use_id: u.id, content: 'ok', is_error: false })) })
  emulator.script({ text: 'It printed hello and the file is written.' })
  const second = (await send()).status
  return { statuses: [first.status, second], sessionId }
}

export const OPENCODE_REASONING = 'I should run a command to find out.'

/**
 * OpenCode (opencode/03.json, opencode-1.0.185/04.json): session A's first request is answered with reasoning
 * and a bash tool call; a re-run under a new session id replays that turn without reasoning_content, and MiMo
 * answers 400. The response that made the call is recorded, in session A's conversation.
 */
export async function openCodeRerunDroppedReasoning(proxyUrl: string, emulator: Emulator): Promise<{ statuses: Array<number | null>; callId: string }> {
  const captured = fixture('opencode-1.0.185/03.json').request
  const { messages: seed, ...rest } = captured.body as { messages: Json[] } & Json
  const clientFor = (session: string): OpenAI =>
    new OpenAI({ baseURL: `${proxyUrl}/v1`, apiKey: AGENT_KEY, maxRetries: 0, defaultHeaders: { 'x-session-id': session, 'x-session-affinity': session } })
  const send = async (client: OpenAI, messages: Json[]): Promise<{ status: number | null; calls: Array<{ id: string; function: { name: string; arguments: string } }> }> => {
    try {
      const stream = await client.chat.completions.create({ ...rest, messages, stream: true } as never)
      const calls: Array<{ id: string; function: { name: string; arguments: string } }> = []
      for await (const chunk of stream as unknown as AsyncIterable<{ choices: Array<{ delta: { tool_calls?: Array<{ index: number; id?: string; function?: { name?: string; arguments?: string } }> } }> }>) {
        for (const c of chunk.choices[0]?.delta.tool_calls ?? []) {
          calls[c.index] ??= { id: '', function: { name: '', arguments: '' } }
          if (c.id) calls[c.index].id = c.id
          calls[c.index].function.name += c.function?.name ?? ''
          calls[c.index].function.arguments += c.function?.arguments ?? ''
        }
      }
      return { status: 200, calls }
    } catch (err) {
      return { status: (err as { status?: number }).status ?? null, calls: [] }
    }
  }
  emulator.script({ thinking: OPENCODE_REASONING, toolCalls: [{ name: 'bash', input: { command: 'echo hello', description: 'Print hello' } }] })
  const first = await send(clientFor('ses_first0000000000000000000'), seed)
  const call = first.calls[0]
  // The re-run: same prompt, a new session, the recorded tool-call turn sent back the 1.0.185 way.
  const rerun = [...seed, { role: 'assistant', tool_calls: [{ id: call.id, type: 'function', function: call.function }] }, { role: 'tool', tool_call_id: call.id, content: 'hello\n' }]
  const second = await send(clientFor('ses_rerun0000000000000000000'), rerun)
  return { statuses: [first.status, second.status], callId: call.id }
}
