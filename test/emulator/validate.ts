// Request validation, in the order MiMo's errors are emulated: JSON, model, messages, then R02.
import { REASONING_PASSBACK_PARAM } from './errors'
import type { Protocol } from './types'

export const MODELS = ['mimo-v2.5-pro', 'mimo-v2.5', 'mimo-v2-pro', 'mimo-v2-omni', 'mimo-v2-flash'] as const

export interface ValidRequest {
  body: Record<string, unknown>
  model: string
  stream: boolean
  thinking: boolean
}

export type Validation = { ok: true; request: ValidRequest } | { ok: false; param: string }

/** Reads `stream` even from a body that later fails validation, so the error can be framed (W2). */
export function wantsStream(raw: Buffer): boolean {
  try {
    const body: unknown = JSON.parse(raw.toString('utf8'))
    return isObject(body) && body.stream === true
  } catch {
    return false
  }
}

// The `param` texts for JSON/model/messages are plausible, not verbatim: MiMo's were not captured.
export function validate(raw: Buffer, protocol: Protocol, opts: { systemOnlyFirst?: boolean } = {}): Validation {
  let body: unknown
  try {
    body = JSON.parse(raw.toString('utf8'))
  } catch {
    return { ok: false, param: 'Request body is not valid JSON' }
  }
  if (!isObject(body)) return { ok: false, param: 'Request body must be a JSON object' }
  const model = body.model
  if (typeof model !== 'string' || model === '') return { ok: false, param: 'model is required' }
  if (!(MODELS as readonly string[]).includes(model)) return { ok: false, param: `model ${model} is not supported` }
  const messages = body.messages
  if (!Array.isArray(messages) || messages.length === 0) {
    return { ok: false, param: 'messages must be a non-empty array' }
  }
  if (opts.systemOnlyFirst) {
    const at = messages.findIndex((m, i) => i > 0 && isObject(m) && m.role === 'system')
    if (at > 0) return { ok: false, param: `messages[${at}].role must be either 'user' or 'assistant', but got 'system'` }
  }
  const thinking = thinkingOn(body, model)
  if (thinking && messages.some((m) => missingReasoning(m, protocol))) {
    return { ok: false, param: REASONING_PASSBACK_PARAM }
  }
  return { ok: true, request: { body, model, stream: body.stream === true, thinking } }
}

/**
 * R02 / deep-thinking doc: `thinking.type` decides; absent, it is on for every model but mimo-v2-flash. Only
 * `disabled` turns it off: Claude Code's `adaptive` (sent for non-Claude model names) met MiMo's reasoning 400
 * like `enabled` does.
 */
export function thinkingOn(body: Record<string, unknown>, model: string): boolean {
  const thinking = body.thinking
  if (thinking === undefined || thinking === null) return model !== 'mimo-v2-flash'
  return isObject(thinking) && thinking.type !== 'disabled'
}

/** MiMo checks every historical assistant tool-call message, not only the last one (R02 "scope"). */
function missingReasoning(message: unknown, protocol: Protocol): boolean {
  if (!isObject(message) || message.role !== 'assistant') return false
  if (protocol === 'openai') {
    const calls = message.tool_calls
    if (!Array.isArray(calls) || calls.length === 0) return false
    const reasoning = message.reasoning_content
    return reasoning === undefined || reasoning === null || reasoning === ''
  }
  const content = message.content
  if (!Array.isArray(content)) return false
  const hasToolUse = content.some((b) => isObject(b) && b.type === 'tool_use')
  const hasThinking = content.some((b) => isObject(b) && b.type === 'thinking')
  return hasToolUse && !hasThinking
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
