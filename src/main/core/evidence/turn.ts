// One assistant turn in a protocol-neutral form, read either from a request message (what the client sent
// back) or from a recorded response (what the endpoint returned), so the two compare field by field.
// Streams are compared decoded: the reassembler joins thinking deltas and signature deltas, a request carries
// the same text as one JSON string.
import type { MessageBlock, ReassembledMessage } from '../../../shared/types'
import { isRecord, str, type JsonRecord } from '../protocols/json'

export interface TurnCall {
  id: string
  name: string
  /** The input (Anthropic) or arguments (OpenAI) as canonical JSON, so key order and spacing do not count. */
  input: string
  /** Anthropic: index in `content`; OpenAI: index in `tool_calls`. */
  block: number
}

export interface TurnThinking {
  block: number
  type: 'thinking' | 'redacted_thinking'
  /** The thinking text; undefined when a request's block has no `thinking` key. */
  thinking: string | undefined
  /** The signature; undefined when the key is absent (a request) or none was streamed (a response). */
  signature: string | undefined
  /** redacted_thinking's `data`. */
  data: string
}

export interface Turn {
  calls: TurnCall[]
  /** Text blocks (Anthropic) or the content text (OpenAI), with their block index. */
  texts: Array<{ text: string; block: number }>
  thinking: TurnThinking[]
  /**
   * OpenAI `reasoning_content`: the string, null when sent as null, undefined when absent. A response's is the
   * joined reasoning deltas, undefined when it streamed none.
   */
  reasoning: string | null | undefined
}

export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') {
    try {
      return JSON.stringify(JSON.parse(value))
    } catch {
      return value
    }
  }
  return JSON.stringify(value ?? null)
}

/** The turn a request message carries. */
export function sentTurn(message: JsonRecord): Turn {
  const turn: Turn = { calls: [], texts: [], thinking: [], reasoning: undefined }
  const content = message.content
  if (typeof content === 'string') {
    if (content !== '') turn.texts.push({ text: content, block: 0 })
  } else if (Array.isArray(content)) {
    content.forEach((raw, block) => {
      if (!isRecord(raw)) return
      if (raw.type === 'text' && typeof raw.text === 'string') turn.texts.push({ text: raw.text, block })
      else if (raw.type === 'thinking' || raw.type === 'redacted_thinking')
        turn.thinking.push({ block, type: raw.type, thinking: str(raw.thinking) ?? undefined, signature: str(raw.signature) ?? undefined, data: str(raw.data) ?? '' })
      else if (raw.type === 'tool_use') turn.calls.push({ id: str(raw.id) ?? '', name: str(raw.name) ?? '', input: canonicalJson(raw.input), block })
    })
  }
  if (Array.isArray(message.tool_calls)) {
    message.tool_calls.forEach((raw, block) => {
      if (!isRecord(raw)) return
      const fn = isRecord(raw.function) ? raw.function : {}
      turn.calls.push({ id: str(raw.id) ?? '', name: str(fn.name) ?? '', input: canonicalJson(fn.arguments), block })
    })
  }
  if ('reasoning_content' in message) turn.reasoning = message.reasoning_content === null ? null : (str(message.reasoning_content) ?? undefined)
  return turn
}

/** The turn a recorded response returned. Blocks keep their index in the response's content. */
export function recordedTurn(reply: ReassembledMessage): Turn {
  const turn: Turn = { calls: [], texts: [], thinking: [], reasoning: undefined }
  let callIndex = 0
  reply.blocks.forEach((b: MessageBlock, block) => {
    if (b.type === 'text') turn.texts.push({ text: b.text, block })
    else if (b.type === 'thinking') turn.thinking.push({ block, type: 'thinking', thinking: b.thinking, signature: b.signature ?? undefined, data: '' })
    else if (b.type === 'redacted_thinking') turn.thinking.push({ block, type: 'redacted_thinking', thinking: undefined, signature: undefined, data: b.data })
    else if (b.type === 'tool_use') turn.calls.push({ id: b.id, name: b.name, input: b.inputError ? b.inputJson : canonicalJson(b.input), block })
    else if (b.type === 'tool_call') turn.calls.push({ id: b.id, name: b.name, input: canonicalJson(b.arguments), block: callIndex++ })
    else if (b.type === 'reasoning') turn.reasoning = (turn.reasoning ?? '') + b.text
  })
  return turn
}

export function joinedText(turn: Turn): string {
  return turn.texts.map((t) => t.text.trim()).filter((t) => t !== '').join('\n')
}

/** The thinking text of a response (Anthropic thinking blocks, OpenAI reasoning), trimmed; '' when none. */
export function thinkingText(turn: Turn): string {
  const parts = turn.thinking.flatMap((t) => (t.type === 'thinking' && t.thinking ? [t.thinking.trim()] : []))
  if (turn.reasoning) parts.push(turn.reasoning.trim())
  return parts.filter((t) => t !== '').join('\n')
}
