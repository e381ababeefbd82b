// OpenAI chat.completions (DeepSeek / MiMo / Kimi style): reassemble a stream (docs/wire-formats.md §2) or read a body.
import type { MessageBlock, ReassembledMessage, SseEventView, TokenUsage } from '../../../shared/types'
import { errorOf } from './errors'
import { Problems, isRecord, num, safeParse, str, type JsonRecord } from './json'
import { eventObject, type Reassembly } from './reassembly'

/** Maps an OpenAI `usage` object; null when it is not an object. */
export function openaiUsage(usage: unknown): TokenUsage | null {
  if (!isRecord(usage)) return null
  const prompt = isRecord(usage.prompt_tokens_details) ? usage.prompt_tokens_details : null
  const completion = isRecord(usage.completion_tokens_details) ? usage.completion_tokens_details : null
  return {
    inputTokens: num(usage.prompt_tokens),
    outputTokens: num(usage.completion_tokens),
    cacheReadTokens: num(prompt?.cached_tokens),
    reasoningTokens: num(completion?.reasoning_tokens)
  }
}

/** `arguments` parsed; "" means no arguments, i.e. {}. */
function parseArguments(args: string): { input: unknown; inputError: string | null } {
  if (args.trim() === '') return { input: {}, inputError: null }
  const parsed = safeParse(args)
  return parsed.ok ? { input: parsed.value, inputError: null } : { input: null, inputError: parsed.error }
}

function emptyMessage(): ReassembledMessage {
  return {
    protocol: 'openai',
    id: null,
    model: null,
    role: 'assistant',
    blocks: [],
    stopReason: null,
    usage: null,
    error: null,
    incomplete: true
  }
}

interface ToolCallParts {
  id: string | null
  name: string | null
  args: string
}

/** The first non-empty string wins: continuation chunks repeat `"id": null` / `"name": null`. */
function firstKnown(current: string | null, next: unknown): string | null {
  if (current !== null) return current
  const s = str(next)
  return s !== null && s !== '' ? s : null
}

/** Blocks in the order a replayed assistant message needs them: reasoning, text, tool calls. */
function assembleBlocks(reasoning: string, text: string, calls: Map<number, ToolCallParts>): MessageBlock[] {
  const blocks: MessageBlock[] = []
  if (reasoning !== '') blocks.push({ type: 'reasoning', text: reasoning })
  if (text !== '') blocks.push({ type: 'text', text })
  for (const [, call] of [...calls.entries()].sort((a, b) => a[0] - b[0])) {
    const { input, inputError } = parseArguments(call.args)
    blocks.push({ type: 'tool_call', id: call.id ?? '', name: call.name ?? '', arguments: call.args, input, inputError })
  }
  return blocks
}

/** Only the first choice is reassembled; n>1 streams are rare for agents. */
function firstChoice(choices: unknown): JsonRecord | null {
  if (!Array.isArray(choices)) return null
  for (const choice of choices) if (isRecord(choice) && (choice.index === undefined || choice.index === 0)) return choice
  return null
}

export function reassembleOpenAIStream(events: readonly SseEventView[]): Reassembly {
  const message = emptyMessage()
  const problems = new Problems()
  let reasoning = ''
  let text = ''
  const calls = new Map<number, ToolCallParts>()

  events.forEach((event, i) => {
    const where = `event ${i}`
    if (event.data.trim() === '[DONE]') {
      message.incomplete = false
      return
    }
    const chunk = eventObject(event, where, message, problems)
    if (!chunk) return
    const error = errorOf(chunk)
    if (error) {
      message.error = error
      return
    }
    message.id = message.id ?? str(chunk.id)
    message.model = message.model ?? str(chunk.model)
    // The usage chunk has empty choices; some providers attach usage to the last content chunk instead.
    message.usage = openaiUsage(chunk.usage) ?? message.usage

    const choice = firstChoice(chunk.choices)
    if (!choice) return
    message.stopReason = str(choice.finish_reason) ?? message.stopReason
    const delta = isRecord(choice.delta) ? choice.delta : null
    if (!delta) return
    message.role = str(delta.role) ?? message.role
    reasoning += str(delta.reasoning_content) ?? ''
    text += str(delta.content) ?? ''
    if (delta.tool_calls === undefined || delta.tool_calls === null) return
    if (!Array.isArray(delta.tool_calls)) {
      problems.add(`${where}: tool_calls is not an array`)
      return
    }
    delta.tool_calls.forEach((fragment, position) => {
      if (!isRecord(fragment)) return
      const index = num(fragment.index) ?? position
      const fn = isRecord(fragment.function) ? fragment.function : {}
      const call = calls.get(index) ?? { id: null, name: null, args: '' }
      call.id = firstKnown(call.id, fragment.id)
      call.name = firstKnown(call.name, fn.name)
      call.args += str(fn.arguments) ?? ''
      calls.set(index, call)
    })
  })

  message.blocks = assembleBlocks(reasoning, text, calls)
  // MiMo's streamed error is the whole stream (no [DONE] follows); it is not also a cut-off.
  if (message.error) message.incomplete = false
  return { message, problems: problems.done() }
}

/** `message.content` may also be an array of parts in some compatible servers; keep its text. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content.map((part) => (isRecord(part) ? (str(part.text) ?? '') : '')).join('')
}

/** A non-stream chat.completion, or an error body; null when the body is neither. */
export function openaiMessageFromJson(body: unknown): ReassembledMessage | null {
  if (!isRecord(body)) return null
  const error = errorOf(body)
  if (error) return { ...emptyMessage(), error, incomplete: false }
  if (!Array.isArray(body.choices)) return null
  const choice = firstChoice(body.choices)
  const msg = choice && isRecord(choice.message) ? choice.message : {}
  const calls = new Map<number, ToolCallParts>()
  if (Array.isArray(msg.tool_calls)) {
    msg.tool_calls.forEach((call, position) => {
      if (!isRecord(call)) return
      const fn = isRecord(call.function) ? call.function : {}
      // Some servers send `arguments` as an object rather than a JSON string.
      let args = str(fn.arguments)
      if (args === null && fn.arguments !== undefined && fn.arguments !== null) {
        try {
          args = JSON.stringify(fn.arguments)
        } catch {
          args = null
        }
      }
      calls.set(position, { id: firstKnown(null, call.id), name: firstKnown(null, fn.name), args: args ?? '' })
    })
  }
  return {
    protocol: 'openai',
    id: str(body.id),
    model: str(body.model),
    role: str(msg.role) ?? 'assistant',
    blocks: assembleBlocks(str(msg.reasoning_content) ?? '', contentText(msg.content), calls),
    stopReason: choice ? str(choice.finish_reason) : null,
    usage: openaiUsage(body.usage),
    error: null,
    incomplete: false
  }
}
