// A request body → the timeline the UI shows and the diagnosis reads. Indices are the API's own, so a
// message that cannot be read still takes its place (as an `unknown` block) instead of shifting the rest.
import type { RequestView, TimelineBlock, TimelineMessage } from '../../../shared/types'
import { isRecord, safeParse, str, type JsonRecord } from './json'

type Protocol = RequestView['protocol']

export function requestView(protocol: Protocol, body: unknown): RequestView {
  const request = isRecord(body) ? body : {}
  const rawMessages = Array.isArray(request.messages) ? request.messages : []
  const toMessage = protocol === 'anthropic' ? anthropicMessage : openaiMessage
  return {
    protocol,
    model: str(request.model),
    stream: request.stream === true,
    ...thinkingMode(request.thinking),
    system: protocol === 'anthropic' ? systemText(request.system) : null,
    messages: rawMessages.map((raw, index) => toMessage(raw, index)),
    tools: toolNames(request.tools)
  }
}

/** The known types as they are; any other `type` (or none, in a `thinking` object) is 'other', with its raw value kept. */
function thinkingMode(thinking: unknown): Pick<RequestView, 'thinking' | 'thinkingType'> {
  if (!isRecord(thinking)) return { thinking: 'default', thinkingType: null }
  const type = thinking.type
  if (type === 'enabled' || type === 'adaptive' || type === 'disabled') return { thinking: type, thinkingType: null }
  return { thinking: 'other', thinkingType: typeof type === 'string' ? type : JSON.stringify(type ?? null) }
}

function systemText(system: unknown): string | null {
  if (typeof system === 'string') return system
  if (!Array.isArray(system)) return null
  return system.map((block) => (isRecord(block) ? (str(block.text) ?? '') : '')).join('\n')
}

/** Anthropic `tools[].name`; OpenAI `tools[].function.name`. */
function toolNames(tools: unknown): string[] {
  if (!Array.isArray(tools)) return []
  const names: string[] = []
  for (const tool of tools) {
    if (!isRecord(tool)) continue
    const name = str(isRecord(tool.function) ? tool.function.name : tool.name)
    if (name !== null) names.push(name)
  }
  return names
}

/** The text of a tool result's content: a string, or the text parts of an array. */
function flattenText(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  const parts: string[] = []
  for (const part of content) {
    if (typeof part === 'string') parts.push(part)
    else if (isRecord(part) && typeof part.text === 'string') parts.push(part.text)
  }
  return parts.join('\n')
}

function unreadable(raw: unknown, index: number): TimelineMessage {
  return { index, role: '', blocks: [{ type: 'unknown', raw }], contentIsString: false }
}

// ---------- Anthropic ----------

function anthropicMessage(raw: unknown, index: number): TimelineMessage {
  if (!isRecord(raw)) return unreadable(raw, index)
  const role = str(raw.role) ?? ''
  const content = raw.content
  if (typeof content === 'string') return { index, role, blocks: [{ type: 'text', text: content }], contentIsString: true }
  let blocks: TimelineBlock[] = []
  if (Array.isArray(content)) blocks = content.map(anthropicBlock)
  else if (content !== undefined && content !== null) blocks = [{ type: 'unknown', raw: content }]
  return { index, role, blocks, contentIsString: false }
}

function anthropicBlock(raw: unknown): TimelineBlock {
  if (!isRecord(raw)) return { type: 'unknown', raw }
  switch (raw.type) {
    case 'text':
      return { type: 'text', text: str(raw.text) ?? '' }
    case 'thinking':
      return { type: 'thinking', thinking: str(raw.thinking) ?? '', signature: signatureOf(raw) }
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: str(raw.data) ?? '' }
    case 'tool_use': {
      const input = 'input' in raw ? raw.input : {}
      return { type: 'tool_use', id: str(raw.id) ?? '', name: str(raw.name) ?? '', input, inputJson: jsonText(input), inputError: null }
    }
    case 'tool_result':
      return { type: 'tool_result', toolUseId: str(raw.tool_use_id) ?? '', isError: raw.is_error === true, text: flattenText(raw.content) }
    case 'image': {
      const source = isRecord(raw.source) ? raw.source : {}
      return { type: 'image', mediaType: str(source.media_type) }
    }
    default:
      return { type: 'unknown', raw }
  }
}

/** null when the key is absent (or null), '' when empty: R04 tells these apart. */
function signatureOf(block: JsonRecord): string | null {
  if (!('signature' in block) || block.signature === null || block.signature === undefined) return null
  return str(block.signature) ?? ''
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? ''
  } catch {
    return ''
  }
}

// ---------- OpenAI ----------

function openaiMessage(raw: unknown, index: number): TimelineMessage {
  if (!isRecord(raw)) return unreadable(raw, index)
  const role = str(raw.role) ?? ''
  const content = raw.content
  const contentIsString = typeof content === 'string'
  if (role === 'tool') {
    return {
      index,
      role,
      blocks: [{ type: 'tool_result', toolUseId: str(raw.tool_call_id) ?? '', isError: false, text: flattenText(content) }],
      contentIsString
    }
  }
  const blocks: TimelineBlock[] = []
  // The order a replayed assistant turn needs: reasoning, text, tool calls.
  if (typeof raw.reasoning_content === 'string') blocks.push({ type: 'reasoning', text: raw.reasoning_content })
  if (typeof content === 'string') blocks.push({ type: 'text', text: content })
  else if (Array.isArray(content)) for (const part of content) blocks.push(openaiPart(part))
  else if (content !== undefined && content !== null) blocks.push({ type: 'unknown', raw: content })
  if (Array.isArray(raw.tool_calls)) for (const call of raw.tool_calls) blocks.push(openaiToolCall(call))
  return { index, role, blocks, contentIsString }
}

function openaiPart(part: unknown): TimelineBlock {
  if (typeof part === 'string') return { type: 'text', text: part }
  if (!isRecord(part)) return { type: 'unknown', raw: part }
  if (part.type === 'text') return { type: 'text', text: str(part.text) ?? '' }
  if (part.type === 'image_url') {
    const image = isRecord(part.image_url) ? part.image_url : {}
    const url = str(image.url) ?? str(part.image_url) ?? ''
    return { type: 'image', mediaType: /^data:([^;,]+)/.exec(url)?.[1] ?? null }
  }
  return { type: 'unknown', raw: part }
}

function openaiToolCall(call: unknown): TimelineBlock {
  if (!isRecord(call)) return { type: 'unknown', raw: call }
  const fn = isRecord(call.function) ? call.function : {}
  // Some clients send `arguments` as an object rather than a JSON string.
  const args = typeof fn.arguments === 'string' ? fn.arguments : fn.arguments === undefined || fn.arguments === null ? '' : jsonText(fn.arguments)
  let input: unknown = {}
  let inputError: string | null = null
  if (args.trim() !== '') {
    const parsed = safeParse(args)
    if (parsed.ok) input = parsed.value
    else {
      input = null
      inputError = parsed.error
    }
  }
  return { type: 'tool_call', id: str(call.id) ?? '', name: str(fn.name) ?? '', arguments: args, input, inputError }
}
