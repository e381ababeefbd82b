// Event streams for the UI harness: SSE events as the core would report them, plus the reassembled message.
// Shapes follow docs/wire-formats.md (Anthropic SSE with thinking/signature/tool_use; OpenAI chunks with
// reasoning_content and tool_calls; MiMo's streamed error body).
import type { MessageBlock, ReassembledMessage, SseEventView, StreamView, TokenUsage } from '../../src/shared/types'

export interface BuiltStream {
  view: StreamView
  /** The raw response body text (what `exchanges:body` returns for the response). */
  text: string
}

function chunk(text: string, size: number): string[] {
  const out: string[] = []
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size))
  return out.length ? out : ['']
}

function anthropicText(events: SseEventView[]): string {
  return events.map((e) => `${e.event ? `event: ${e.event}\n` : ''}data: ${e.data}\n\n`).join('')
}

export interface AnthropicStreamOptions {
  id: string
  model: string
  thinking?: string
  /** null = no signature at all, '' = empty signature, string = signed. */
  signature?: string | null
  text?: string
  tool?: { id: string; name: string; input: unknown }
  usage: TokenUsage
  stopReason: string
  /** Put an `error` event in the middle (HTTP 200 stream that fails). */
  midStreamError?: { type: string; message: string }
  /** Stop before message_stop (in flight / cut off). */
  cutAfterBlocks?: number
}

export function anthropicStream(o: AnthropicStreamOptions): BuiltStream {
  const events: SseEventView[] = []
  let at = 180
  const push = (event: string, data: unknown, step = 14) => {
    at += step
    events.push({ event, data: JSON.stringify(data), atMs: at })
  }
  push(
    'message_start',
    {
      type: 'message_start',
      message: {
        id: o.id,
        type: 'message',
        role: 'assistant',
        model: o.model,
        content: [],
        stop_reason: null,
        usage: { input_tokens: o.usage.inputTokens, output_tokens: 1, cache_read_input_tokens: o.usage.cacheReadTokens }
      }
    },
    160
  )
  const blocks: MessageBlock[] = []
  let index = 0
  let error: ReassembledMessage['error'] = null
  const cut = (): boolean => o.cutAfterBlocks !== undefined && index >= o.cutAfterBlocks

  if (o.thinking !== undefined && !cut()) {
    push('content_block_start', {
      type: 'content_block_start',
      index,
      content_block: o.signature === null ? { type: 'thinking', thinking: '' } : { type: 'thinking', thinking: '', signature: '' }
    })
    for (const piece of chunk(o.thinking, 48)) {
      push('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking: piece } }, 9)
    }
    if (o.signature) {
      push('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: o.signature } })
    }
    push('content_block_stop', { type: 'content_block_stop', index })
    blocks.push({ type: 'thinking', thinking: o.thinking, signature: o.signature === undefined ? null : o.signature })
    index++
  }
  if (o.midStreamError) {
    push('ping', { type: 'ping' }, 40)
    push('error', { type: 'error', error: o.midStreamError }, 30)
    error = { type: o.midStreamError.type, message: o.midStreamError.message }
  }
  if (o.text !== undefined && !cut() && !error) {
    push('content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } })
    for (const piece of chunk(o.text, 36)) {
      push('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } }, 11)
    }
    push('content_block_stop', { type: 'content_block_stop', index })
    blocks.push({ type: 'text', text: o.text })
    index++
  }
  if (o.tool && !cut() && !error) {
    const json = JSON.stringify(o.tool.input)
    push('content_block_start', {
      type: 'content_block_start',
      index,
      content_block: { type: 'tool_use', id: o.tool.id, name: o.tool.name, input: {} }
    })
    for (const piece of chunk(json, 24)) {
      push('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: piece } }, 8)
    }
    push('content_block_stop', { type: 'content_block_stop', index })
    blocks.push({ type: 'tool_use', id: o.tool.id, name: o.tool.name, input: o.tool.input, inputJson: json, inputError: null })
    index++
  }
  const incomplete = error !== null || o.cutAfterBlocks !== undefined
  if (!incomplete) {
    push('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: o.stopReason, stop_sequence: null },
      usage: { output_tokens: o.usage.outputTokens }
    })
    push('message_stop', { type: 'message_stop' })
  }
  const message: ReassembledMessage = {
    protocol: 'anthropic',
    id: o.id,
    model: o.model,
    role: 'assistant',
    blocks,
    stopReason: incomplete ? null : o.stopReason,
    usage: incomplete ? { ...o.usage, outputTokens: null } : o.usage,
    error,
    incomplete
  }
  return { view: { format: 'anthropic-sse', events, message, problems: [] }, text: anthropicText(events) }
}

export interface OpenAiStreamOptions {
  id: string
  model: string
  reasoning?: string
  content?: string
  toolCalls?: Array<{ id: string; name: string; args: unknown }>
  usage: TokenUsage
  finishReason: string
}

export function openaiStream(o: OpenAiStreamOptions): BuiltStream {
  const events: SseEventView[] = []
  let at = 210
  const created = 1778750000
  const push = (delta: Record<string, unknown>, finish: string | null = null, step = 12) => {
    at += step
    events.push({
      event: null,
      data: JSON.stringify({
        id: o.id,
        object: 'chat.completion.chunk',
        created,
        model: o.model,
        choices: [{ index: 0, delta, finish_reason: finish }]
      }),
      atMs: at
    })
  }
  push({ role: 'assistant', content: null, reasoning_content: '' }, null, 190)
  const blocks: MessageBlock[] = []
  if (o.reasoning) {
    for (const piece of chunk(o.reasoning, 40)) push({ content: null, reasoning_content: piece })
    blocks.push({ type: 'reasoning', text: o.reasoning })
  }
  if (o.content) {
    for (const piece of chunk(o.content, 30)) push({ content: piece })
    blocks.push({ type: 'text', text: o.content })
  }
  o.toolCalls?.forEach((call, index) => {
    const args = JSON.stringify(call.args)
    push({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] })
    for (const piece of chunk(args, 20)) {
      push({ tool_calls: [{ index, id: null, type: 'function', function: { name: null, arguments: piece } }] }, null, 7)
    }
    blocks.push({ type: 'tool_call', id: call.id, name: call.name, arguments: args, input: call.args, inputError: null })
  })
  push({}, o.finishReason)
  at += 5
  events.push({
    event: null,
    data: JSON.stringify({
      id: o.id,
      object: 'chat.completion.chunk',
      created,
      model: o.model,
      choices: [],
      usage: {
        prompt_tokens: o.usage.inputTokens,
        completion_tokens: o.usage.outputTokens,
        prompt_tokens_details: { cached_tokens: o.usage.cacheReadTokens },
        completion_tokens_details: { reasoning_tokens: o.usage.reasoningTokens }
      }
    }),
    atMs: at
  })
  events.push({ event: null, data: '[DONE]', atMs: at + 1 })
  const message: ReassembledMessage = {
    protocol: 'openai',
    id: o.id,
    model: o.model,
    role: 'assistant',
    blocks,
    stopReason: o.finishReason,
    usage: o.usage,
    error: null,
    incomplete: false
  }
  const text = events.map((e) => `data: ${e.data}\n\n`).join('')
  return { view: { format: 'openai-sse', events, message, problems: [] }, text }
}

/** MiMo's streamed 400: one `data:` line (no space, no [DONE]) carrying the error object. */
export function mimoStreamedError(param: string): BuiltStream {
  const data = JSON.stringify({ error: { code: '400', message: 'Param Incorrect', param, type: '' } })
  const message: ReassembledMessage = {
    protocol: 'openai',
    id: null,
    model: null,
    role: 'assistant',
    blocks: [],
    stopReason: null,
    usage: null,
    error: { type: '400', message: `Param Incorrect: ${param}` },
    incomplete: true
  }
  return {
    view: { format: 'openai-sse', events: [{ event: null, data, atMs: 312 }], message, problems: [] },
    text: `data:${data}\n`
  }
}
