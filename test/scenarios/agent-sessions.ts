// Scripted agent sessions that end in MiMo's reasoning 400, driven by the real SDKs through a proxy URL.
// Shared by the integration and end-to-end tests (and close to what `npm run demo` does).
import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import type { Emulator } from '../emulator/server'

export const SESSION_KEY = 'sk-scenario0123456789abcdefghijkl'

const anthropicTools = [
  { name: 'read_file', description: 'Read a file', input_schema: { type: 'object' as const, properties: { path: { type: 'string' } } } },
  { name: 'list_dir', description: 'List a folder', input_schema: { type: 'object' as const, properties: { path: { type: 'string' } } } }
]

type Block = Anthropic.Messages.ContentBlockParam
type Param = Anthropic.Messages.MessageParam

/**
 * Turns 1 and 2 replay history faithfully; on turn 3 the agent replays every earlier thinking block as a text
 * block, as Craft Agents (pi-ai) does with unsigned thinking. MiMo answers 400 and names no index; the culprit is
 * the first assistant tool turn without thinking: messages[1].
 */
export async function anthropicCraftSession(proxyUrl: string, emulator: Emulator): Promise<{ status: number | null }> {
  const client = new Anthropic({ baseURL: `${proxyUrl}/anthropic`, apiKey: SESSION_KEY, maxRetries: 0 })
  const run = (messages: Param[]) => client.messages.stream({ model: 'mimo-v2.5-pro', max_tokens: 4096, tools: anthropicTools, messages }).finalMessage()
  const history: Param[] = [{ role: 'user', content: 'What is in the src folder and what does main.ts do?' }]

  emulator.script({ thinking: 'I should list the src folder first.', text: 'Listing src.', toolCalls: [{ name: 'list_dir', input: { path: 'src' } }], signature: null })
  const first = await run(history)
  const use1 = first.content.find((b) => b.type === 'tool_use')!
  history.push({ role: 'assistant', content: first.content as Block[] })
  history.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: use1.id, content: 'main.ts\nutil.ts' }] })

  emulator.script({ thinking: 'Now read main.ts.', toolCalls: [{ name: 'read_file', input: { path: 'src/main.ts' } }], signature: null })
  const second = await run(history)
  const use2 = second.content.find((b) => b.type === 'tool_use')!
  history.push({ role: 'assistant', content: second.content as Block[] })
  history.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: use2.id, content: 'console.log("hi")' }] })

  // Turn 3: unsigned thinking replayed as text.
  const mangled = history.map((m): Param =>
    m.role === 'assistant' && Array.isArray(m.content)
      ? { role: 'assistant', content: m.content.map((b): Block => (b.type === 'thinking' ? { type: 'text', text: b.thinking } : b)) }
      : m
  )
  try {
    await run(mangled)
    return { status: 200 }
  } catch (err) {
    return { status: (err as { status?: number }).status ?? null }
  }
}

/** The same in OpenAI format: turn 3 drops reasoning_content from the earlier assistant tool-call turns. */
export async function openaiDroppedReasoningSession(proxyUrl: string, emulator: Emulator): Promise<{ status: number | null }> {
  const client = new OpenAI({ baseURL: `${proxyUrl}/v1`, apiKey: SESSION_KEY, maxRetries: 0 })
  type Msg = OpenAI.Chat.Completions.ChatCompletionMessageParam & { reasoning_content?: string }
  const messages: Msg[] = [
    { role: 'system', content: 'You are a coding agent.' },
    { role: 'user', content: 'Which files are in src, and what is in main.ts?' }
  ]
  const turn = async (): Promise<OpenAI.Chat.Completions.ChatCompletion> => client.chat.completions.create({ model: 'mimo-v2.5', messages: messages as never })

  emulator.script({ thinking: 'List src first.', toolCalls: [{ name: 'list_dir', input: { path: 'src' } }] })
  const a = (await turn()).choices[0].message as OpenAI.Chat.Completions.ChatCompletionMessage & { reasoning_content?: string }
  messages.push({ role: 'assistant', content: a.content ?? '', tool_calls: a.tool_calls, reasoning_content: a.reasoning_content } as Msg)
  messages.push({ role: 'tool', tool_call_id: a.tool_calls![0].id, content: 'main.ts\nutil.ts' })

  emulator.script({ thinking: 'Read main.ts.', toolCalls: [{ name: 'read_file', input: { path: 'src/main.ts' } }] })
  const b = (await turn()).choices[0].message as OpenAI.Chat.Completions.ChatCompletionMessage & { reasoning_content?: string }
  messages.push({ role: 'assistant', content: b.content ?? '', tool_calls: b.tool_calls, reasoning_content: b.reasoning_content } as Msg)
  messages.push({ role: 'tool', tool_call_id: b.tool_calls![0].id, content: 'console.log("hi")' })

  // Turn 3: the client drops reasoning_content when it replays history (messages 2 and 4).
  for (const m of messages) delete (m as { reasoning_content?: string }).reasoning_content
  try {
    await turn()
    return { status: 200 }
  } catch (err) {
    return { status: (err as { status?: number }).status ?? null }
  }
}

/** A side request of the same agent: title generation with its own system prompt. */
export async function titleRequest(proxyUrl: string, emulator: Emulator): Promise<void> {
  const client = new Anthropic({ baseURL: `${proxyUrl}/anthropic`, apiKey: SESSION_KEY, maxRetries: 0 })
  emulator.script({ text: 'Exploring src' })
  await client.messages.create({
    model: 'mimo-v2-flash',
    max_tokens: 50,
    system: 'Write a 3-word title for this conversation.',
    messages: [{ role: 'user', content: 'What is in the src folder and what does main.ts do?' }]
  })
}
