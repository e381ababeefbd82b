// OpenAI chat.completions replies: the non-stream object (docs/wire-formats.md §2.5) and the SSE chunks (§2.1-2.4).
import { pieces, type ResolvedTurn } from './turn'

function finishReason(turn: ResolvedTurn): 'tool_calls' | 'stop' {
  return turn.toolCalls.length > 0 ? 'tool_calls' : 'stop'
}

function usage(turn: ResolvedTurn): object {
  return {
    prompt_tokens: turn.usage.input,
    completion_tokens: turn.usage.output,
    total_tokens: turn.usage.input + turn.usage.output,
    completion_tokens_details: { reasoning_tokens: turn.usage.reasoning },
    prompt_tokens_details: null
  }
}

/** MiMo's sample: `reasoning_content` and `tool_calls` are top-level message fields, null when absent. */
export function openaiCompletion(turn: ResolvedTurn): object {
  const calls = turn.toolCalls.map((call) => ({
    id: call.id,
    type: 'function',
    function: { name: call.name, arguments: JSON.stringify(call.input) }
  }))
  return {
    id: turn.id,
    object: 'chat.completion',
    created: turn.created,
    model: turn.model,
    choices: [
      {
        index: 0,
        finish_reason: finishReason(turn),
        message: {
          role: 'assistant',
          content: turn.text ?? (calls.length > 0 ? null : ''),
          reasoning_content: turn.thinking ?? null,
          tool_calls: calls.length > 0 ? calls : null
        }
      }
    ],
    usage: usage(turn)
  }
}

/** Every chunk framed as `data: {json}\n\n`, ending with `data: [DONE]\n\n`; one string per event. */
export function openaiChunks(turn: ResolvedTurn): string[] {
  const envelope = (choices: object[], extra: object = {}): object => ({
    id: turn.id,
    object: 'chat.completion.chunk',
    created: turn.created,
    model: turn.model,
    choices,
    ...extra
  })
  const chunk = (delta: object, finish: string | null = null): object =>
    envelope([{ index: 0, delta, finish_reason: finish }])

  const out: object[] = []
  // With reasoning the first chunk opens both fields, DeepSeek-style (docs/wire-formats.md §2.2).
  const first = turn.thinking !== undefined ? { content: null, reasoning_content: '' } : { content: '' }
  out.push(chunk({ role: 'assistant', ...first }))
  for (const p of pieces(turn.thinking ?? '')) out.push(chunk({ content: null, reasoning_content: p }))
  for (const p of pieces(turn.text ?? '')) out.push(chunk({ content: p }))
  turn.toolCalls.forEach((call, index) => {
    // id and name come once, first; later fragments carry only argument pieces (docs/wire-formats.md §2.3).
    out.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }))
    for (const p of pieces(JSON.stringify(call.input))) {
      out.push(chunk({ tool_calls: [{ index, function: { arguments: p } }] }))
    }
  })
  out.push(chunk({}, finishReason(turn)))
  out.push(envelope([], { usage: usage(turn) }))
  return [...out.map((c) => `data: ${JSON.stringify(c)}\n\n`), 'data: [DONE]\n\n']
}
