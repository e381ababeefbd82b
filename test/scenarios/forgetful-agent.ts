// A scripted agent that forgets its reasoning: a tool loop with the real SDK clients that, on every replay of
// its history, drops the thinking blocks (Anthropic) or reasoning_content (OpenAI), as stock SDK paths of many
// agents do. Against MiMo (the emulator) its second request fails with the reasoning 400, unless a repair rule
// puts the recorded reasoning back. Shared by the repair-rule integration tests and the breakpoint e2e.
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import type { Emulator } from '../emulator/server'

export const FORGETFUL_KEY = 'sk-forgetful0123456789abcdefghijk'

export interface TurnResult {
  turn: number
  status: number
  /** What the response carried, as the SDK reassembled it: the thinking (or reasoning_content) and its signature. */
  thinking?: string
  signature?: string
}

/** Thinking with what JSON escapes (quotes, newlines, non-ASCII), so a restore must compare decoded text. */
export const thinkingOf = (turn: number): string => `Turn ${turn}: read "src/f${turn}.ts" next —\n\tthen decide ✓ (${'x'.repeat(turn * 7)})`

const tools = [{ name: 'read_file', description: 'Read a file', input_schema: { type: 'object' as const, properties: { path: { type: 'string' } } } }]

/** Runs up to `turns` requests; stops at the first that fails and reports its status. */
export async function anthropicForgetfulAgent(proxyUrl: string, emulator: Emulator, turns = 6, onTurn?: (n: number) => unknown): Promise<TurnResult[]> {
  const client = new Anthropic({ baseURL: `${proxyUrl}/anthropic`, apiKey: FORGETFUL_KEY, maxRetries: 0 })
  const history: Anthropic.Messages.MessageParam[] = [{ role: 'user', content: 'Read the files one by one.' }]
  const results: TurnResult[] = []
  for (let turn = 1; turn <= turns; turn++) {
    // The caller may act before each request (arm a breakpoint) and the agent waits for it.
    await onTurn?.(turn)
    emulator.script({ thinking: thinkingOf(turn), toolCalls: [{ name: 'read_file', input: { path: `src/f${turn}.ts` } }] })
    let message: Anthropic.Messages.Message
    try {
      message = await client.messages.stream({ model: 'mimo-v2.5-pro', max_tokens: 2048, tools, messages: history }).finalMessage()
    } catch (err) {
      results.push({ turn, status: (err as { status?: number }).status ?? 0 })
      return results
    }
    const thought = message.content.find((b) => b.type === 'thinking')
    results.push({ turn, status: 200, thinking: thought?.thinking, signature: thought?.signature })
    const use = message.content.find((b) => b.type === 'tool_use')!
    // The bug: the replayed assistant turn keeps its text and tool calls, not its thinking.
    history.push({ role: 'assistant', content: message.content.filter((b) => b.type !== 'thinking') as Anthropic.Messages.ContentBlockParam[] })
    history.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: use.id, content: `contents of f${turn}` }] })
  }
  return results
}

/** `fetch`: how the client reaches `proxyUrl` (a forward proxy's tunnel, with `proxyUrl` the upstream's own URL). */
export async function openaiForgetfulAgent(proxyUrl: string, emulator: Emulator, turns = 6, fetch?: typeof globalThis.fetch): Promise<TurnResult[]> {
  const client = new OpenAI({ baseURL: `${proxyUrl}/v1`, apiKey: FORGETFUL_KEY, maxRetries: 0, fetch })
  const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
    { role: 'system', content: 'You are a coding agent.' },
    { role: 'user', content: 'Read the files one by one.' }
  ]
  const results: TurnResult[] = []
  for (let turn = 1; turn <= turns; turn++) {
    emulator.script({ thinking: thinkingOf(turn), toolCalls: [{ name: 'read_file', input: { path: `src/f${turn}.ts` } }] })
    let reply: OpenAI.Chat.Completions.ChatCompletionMessage
    try {
      reply = (await client.chat.completions.create({ model: 'mimo-v2.5', messages })).choices[0].message
    } catch (err) {
      results.push({ turn, status: (err as { status?: number }).status ?? 0 })
      return results
    }
    results.push({ turn, status: 200, thinking: (reply as { reasoning_content?: string }).reasoning_content })
    // The bug: reasoning_content is not sent back.
    messages.push({ role: 'assistant', content: reply.content ?? '', tool_calls: reply.tool_calls })
    messages.push({ role: 'tool', tool_call_id: reply.tool_calls![0].id, content: `contents of f${turn}` })
  }
  return results
}
