// Anthropic Messages: reassemble a streamed response (docs/wire-formats.md §1) or read a non-stream body.
import type { MessageBlock, ReassembledMessage, SseEventView, TokenUsage } from '../../../shared/types'
import { errorOf } from './errors'
import { Problems, isRecord, num, safeParse, str, type JsonRecord } from './json'
import { eventObject, type Reassembly } from './reassembly'

/** Maps an Anthropic `usage` object; null when it is not an object. */
export function anthropicUsage(usage: unknown): TokenUsage | null {
  if (!isRecord(usage)) return null
  const details = isRecord(usage.output_tokens_details) ? usage.output_tokens_details : null
  return {
    inputTokens: num(usage.input_tokens),
    outputTokens: num(usage.output_tokens),
    cacheReadTokens: num(usage.cache_read_input_tokens),
    reasoningTokens: num(details?.thinking_tokens)
  }
}

/** message_delta usage is cumulative but proxies may omit or null fields: keep the earlier value then. */
function mergeUsage(base: TokenUsage | null, update: TokenUsage | null): TokenUsage | null {
  if (update === null) return base
  if (base === null) return update
  return {
    inputTokens: update.inputTokens ?? base.inputTokens,
    outputTokens: update.outputTokens ?? base.outputTokens,
    cacheReadTokens: update.cacheReadTokens ?? base.cacheReadTokens,
    reasoningTokens: update.reasoningTokens ?? base.reasoningTokens
  }
}

/** Final `tool_use.input`: the joined `partial_json`, where "" means {} (a tool called without arguments). */
function parseToolInput(json: string): { input: unknown; inputError: string | null } {
  if (json.trim() === '') return { input: {}, inputError: null }
  const parsed = safeParse(json)
  return parsed.ok ? { input: parsed.value, inputError: null } : { input: null, inputError: parsed.error }
}

/** A block being built; tool_use input stays as JSON text until its content_block_stop. */
interface OpenBlock {
  block: MessageBlock
  /** tool_use only: whether any input_json_delta arrived (if none, the start block's input stands). */
  sawJson: boolean
  stopped: boolean
}

function startBlock(raw: JsonRecord): OpenBlock {
  // A start block has the final shape with empty fields; a tool_use `input` is {} unless the provider does
  // not stream input (ds2api), in which case it is the real input and stands.
  return { block: blockFromJson(raw), sawJson: false, stopped: false }
}

function applyDelta(open: OpenBlock, delta: JsonRecord, problems: Problems, where: string): void {
  const block = open.block
  const kind = str(delta.type)
  if (kind === 'text_delta' && block.type === 'text') block.text += str(delta.text) ?? ''
  else if (kind === 'thinking_delta' && block.type === 'thinking') block.thinking += str(delta.thinking) ?? ''
  else if (kind === 'signature_delta' && block.type === 'thinking')
    block.signature = (block.signature ?? '') + (str(delta.signature) ?? '')
  else if (kind === 'input_json_delta' && block.type === 'tool_use') {
    if (!open.sawJson) block.inputJson = ''
    open.sawJson = true
    block.inputJson += str(delta.partial_json) ?? ''
  } else if (kind === 'citations_delta' || block.type === 'unknown') {
    // Citations and unknown block types are not reassembled.
  } else problems.add(`${where}: ${kind ?? 'untyped'} delta does not fit a ${block.type} block`)
}

function finishBlock(open: OpenBlock): void {
  open.stopped = true
  const block = open.block
  if (block.type === 'tool_use' && open.sawJson) {
    const { input, inputError } = parseToolInput(block.inputJson)
    block.input = input
    block.inputError = inputError
  }
}

function emptyMessage(): ReassembledMessage {
  return {
    protocol: 'anthropic',
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

/** Event type from the JSON `type`, falling back to the SSE `event:` name (some proxies send data lines only). */
function eventType(event: SseEventView, data: JsonRecord): string | null {
  return str(data.type) ?? event.event
}

export function reassembleAnthropicStream(events: readonly SseEventView[]): Reassembly {
  const message = emptyMessage()
  const problems = new Problems()
  const blocks = new Map<number, OpenBlock>()

  events.forEach((event, i) => {
    const where = `event ${i}${event.event ? ` (${event.event})` : ''}`
    const data = eventObject(event, where, message, problems)
    if (!data) return
    const type = eventType(event, data)
    switch (type) {
      case 'message_start': {
        const m = isRecord(data.message) ? data.message : {}
        message.id = str(m.id) ?? message.id
        message.model = str(m.model) ?? message.model
        message.role = str(m.role) ?? message.role
        message.stopReason = str(m.stop_reason) ?? message.stopReason
        message.usage = mergeUsage(message.usage, anthropicUsage(m.usage))
        break
      }
      case 'content_block_start': {
        const index = num(data.index)
        if (index === null || !isRecord(data.content_block)) {
          problems.add(`${where}: content_block_start without index or content_block`)
          break
        }
        if (blocks.has(index)) problems.add(`${where}: block ${index} started twice`)
        blocks.set(index, startBlock(data.content_block))
        break
      }
      case 'content_block_delta': {
        const index = num(data.index)
        const open = index === null ? undefined : blocks.get(index)
        if (!open) problems.add(`${where}: delta for block ${index} that was never started`)
        else if (!isRecord(data.delta)) problems.add(`${where}: delta is not an object`)
        else applyDelta(open, data.delta, problems, where)
        break
      }
      case 'content_block_stop': {
        const index = num(data.index)
        const open = index === null ? undefined : blocks.get(index)
        if (!open) problems.add(`${where}: stop for block ${index} that was never started`)
        else finishBlock(open)
        break
      }
      case 'message_delta': {
        const delta = isRecord(data.delta) ? data.delta : {}
        message.stopReason = str(delta.stop_reason) ?? message.stopReason
        message.usage = mergeUsage(message.usage, anthropicUsage(data.usage))
        break
      }
      case 'message_stop':
        message.incomplete = false
        break
      case 'error':
      default: {
        // `error` events arrive inside HTTP 200 streams; MiMo's streamed error has no `type` at all.
        const error = errorOf(data)
        if (error) message.error = error
        else if (type === 'error') message.error = { type: null, message: event.data }
        // ping and unknown event types are ignored (docs/wire-formats.md §1.1).
      }
    }
  })

  // Blocks never stopped (truncated stream) still get their tool input parsed, so a cut-off shows as inputError.
  const ordered = [...blocks.entries()].sort((a, b) => a[0] - b[0])
  for (const [index, open] of ordered) {
    if (!open.stopped) {
      finishBlock(open)
      if (!message.incomplete) problems.add(`block ${index} was never stopped`)
    }
    message.blocks.push(open.block)
  }
  // An error event is how such a stream ends; it is not also a cut-off.
  if (message.error) message.incomplete = false
  return { message, problems: problems.done() }
}

/** One content block of a non-stream body, or of a content_block_start. */
function blockFromJson(raw: unknown): MessageBlock {
  if (!isRecord(raw)) return { type: 'unknown', raw }
  switch (raw.type) {
    case 'text':
      return { type: 'text', text: str(raw.text) ?? '' }
    case 'thinking':
      return { type: 'thinking', thinking: str(raw.thinking) ?? '', signature: str(raw.signature) }
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: str(raw.data) ?? '' }
    case 'tool_use': {
      const input = 'input' in raw ? raw.input : {}
      let inputJson = '{}'
      try {
        inputJson = JSON.stringify(input) ?? '{}'
      } catch {
        /* keep {} */
      }
      return { type: 'tool_use', id: str(raw.id) ?? '', name: str(raw.name) ?? '', input, inputJson, inputError: null }
    }
    default:
      return { type: 'unknown', raw }
  }
}

/** A non-stream Messages response, or an error body; null when the body is neither. */
export function anthropicMessageFromJson(body: unknown): ReassembledMessage | null {
  if (!isRecord(body)) return null
  const error = errorOf(body)
  if (error) return { ...emptyMessage(), error, incomplete: false }
  if (body.type !== 'message' && !Array.isArray(body.content)) return null
  return {
    protocol: 'anthropic',
    id: str(body.id),
    model: str(body.model),
    role: str(body.role) ?? 'assistant',
    blocks: Array.isArray(body.content) ? body.content.map(blockFromJson) : [],
    stopReason: str(body.stop_reason),
    usage: anthropicUsage(body.usage),
    error: null,
    incomplete: false
  }
}
