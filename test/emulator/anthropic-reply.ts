// Anthropic Messages replies: the non-stream object (docs/wire-formats.md §1.4/§1.6) and the SSE events (§1.1-1.3).
import { pieces, type ResolvedTurn } from './turn'

type Block =
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: object }

function blocks(turn: ResolvedTurn): Block[] {
  const out: Block[] = []
  if (turn.thinking !== undefined) out.push({ type: 'thinking', thinking: turn.thinking, signature: turn.signature ?? '' })
  if (turn.text !== undefined) out.push({ type: 'text', text: turn.text })
  for (const call of turn.toolCalls) out.push({ type: 'tool_use', id: call.id, name: call.name, input: call.input })
  return out
}

function stopReason(turn: ResolvedTurn): 'tool_use' | 'end_turn' {
  return turn.toolCalls.length > 0 ? 'tool_use' : 'end_turn'
}

/** MiMo's sample has no `stop_sequence` key and only input/output token counts (docs/wire-formats.md §1.6). */
export function anthropicMessage(turn: ResolvedTurn): object {
  return {
    id: turn.id,
    type: 'message',
    role: 'assistant',
    model: turn.model,
    content: blocks(turn),
    stop_reason: stopReason(turn),
    usage: { input_tokens: turn.usage.input, output_tokens: turn.usage.output }
  }
}

/** Every event framed as `event: X\ndata: {json}\n\n`, one string per event so they can be spaced out. */
export function anthropicEvents(turn: ResolvedTurn): string[] {
  const events: object[] = []
  events.push({
    type: 'message_start',
    message: {
      id: turn.id,
      type: 'message',
      role: 'assistant',
      model: turn.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: turn.usage.input, output_tokens: 0 }
    }
  })
  const all = blocks(turn)
  all.forEach((block, index) => {
    const [start, ...rest] = blockEvents(block, index, turn.signature)
    events.push(start)
    // A ping right after the first block start, as in the recorded stream (1.2).
    if (index === 0) events.push({ type: 'ping' })
    events.push(...rest)
  })
  if (all.length === 0) events.push({ type: 'ping' })
  events.push({
    type: 'message_delta',
    delta: { stop_reason: stopReason(turn), stop_sequence: null },
    usage: { input_tokens: turn.usage.input, output_tokens: turn.usage.output }
  })
  events.push({ type: 'message_stop' })
  return events.map(frame)
}

function frame(event: object): string {
  const type = (event as { type: string }).type
  return `event: ${type}\ndata: ${JSON.stringify(event)}\n\n`
}

function blockEvents(block: Block, index: number, signature: string | null): object[] {
  const delta = (d: object): object => ({ type: 'content_block_delta', index, delta: d })
  const out: object[] = []
  switch (block.type) {
    case 'thinking':
      out.push({ type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '', signature: '' } })
      for (const p of pieces(block.thinking)) out.push(delta({ type: 'thinking_delta', thinking: p }))
      if (signature !== null) out.push(delta({ type: 'signature_delta', signature }))
      break
    case 'text':
      out.push({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } })
      for (const p of pieces(block.text)) out.push(delta({ type: 'text_delta', text: p }))
      break
    case 'tool_use':
      // `input` starts as {} and the first partial_json is "" (docs/wire-formats.md §1.3).
      const start = { type: 'tool_use', id: block.id, name: block.name, input: {} }
      out.push({ type: 'content_block_start', index, content_block: start })
      out.push(delta({ type: 'input_json_delta', partial_json: '' }))
      for (const p of pieces(JSON.stringify(block.input))) out.push(delta({ type: 'input_json_delta', partial_json: p }))
      break
  }
  out.push({ type: 'content_block_stop', index })
  return out
}
