// A response reduced to what the compare view puts side by side: status, the error's useful text, why it
// stopped, and the content blocks. Built from the stream view when there is one, else from the JSON body.
// Relative import (not @shared) so Node-side checks can load this pure module without the renderer's aliases.
import type { ExchangeSummary, MessageBlock, StreamView } from '../../../shared/types'

export interface ResponseShape {
  status: number | string | null
  error: string | null
  stop_reason: string | null
  content: unknown[]
}

function blockShape(b: MessageBlock): unknown {
  switch (b.type) {
    case 'text':
      return { type: 'text', text: b.text }
    case 'thinking':
      // The signature itself: an empty one is "", one never streamed is left out, two different ones differ.
      return b.signature === null ? { type: 'thinking', thinking: b.thinking } : { type: 'thinking', thinking: b.thinking, signature: b.signature }
    case 'reasoning':
      return { type: 'reasoning_content', text: b.text }
    case 'tool_use':
      return { type: 'tool_use', name: b.name, input: b.input }
    case 'tool_call':
      return { type: 'tool_call', name: b.name, arguments: b.arguments }
    case 'redacted_thinking':
      return { type: 'redacted_thinking', data: b.data }
    default:
      return { type: 'unknown', raw: b.raw }
  }
}

type Json = Record<string, unknown>
const rec = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null)
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

/** The useful text of an error JSON: MiMo's `error.param` (its `message` is the generic "Param Incorrect"), else the message. */
export function errorText(value: unknown): string | null {
  const root = rec(value)
  if (!root) return null
  const error = rec(root.error) ?? (root.type === 'error' ? root : null)
  if (!error) return str(root.message)
  const inner = rec(error.error)
  const param = str(error.param)
  const message = str(error.message) ?? str(inner?.message)
  if (param && message && param !== message) return param
  return param ?? message ?? (typeof error === 'object' ? JSON.stringify(error) : null)
}

/** A body as JSON: plain, or the `data:` line(s) of an error answered as an event (MiMo's streamed 400). */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    const data = text
      .split('\n')
      .filter((l) => l.startsWith('data:'))
      .map((l) => l.slice(5).trim())
      .find((l) => l.startsWith('{'))
    if (!data) return null
    try {
      return JSON.parse(data)
    } catch {
      return null
    }
  }
}

function bodyContent(body: Json): { content: unknown[]; stop: string | null } {
  if (Array.isArray(body.content)) {
    const content = body.content.map((b) => {
      const r = rec(b)
      if (!r) return b
      if (r.type === 'tool_use') return { type: 'tool_use', name: r.name, input: r.input }
      return r
    })
    return { content, stop: str(body.stop_reason) }
  }
  const choice = rec(Array.isArray(body.choices) ? body.choices[0] : null)
  const message = rec(choice?.message)
  if (!message) return { content: [], stop: null }
  const content: unknown[] = []
  if (typeof message.reasoning_content === 'string') content.push({ type: 'reasoning_content', text: message.reasoning_content })
  if (typeof message.content === 'string' && message.content) content.push({ type: 'text', text: message.content })
  if (Array.isArray(message.tool_calls))
    for (const c of message.tool_calls) {
      const fn = rec(rec(c)?.function)
      content.push({ type: 'tool_call', name: fn?.name ?? null, arguments: fn?.arguments ?? null })
    }
  return { content, stop: str(choice?.finish_reason) }
}

export function responseShape(summary: ExchangeSummary | null, stream: StreamView | null, bodyText: string | null): ResponseShape {
  const status = summary ? (summary.status ?? summary.state) : null
  const message = stream?.message ?? null
  if (message) {
    return {
      status,
      error: message.error?.message ?? summary?.error ?? summary?.bodyError ?? (stream && !message.blocks.length ? errorFromEvents(stream) : null),
      stop_reason: message.stopReason,
      content: message.blocks.map(blockShape)
    }
  }
  if (stream) {
    return { status, error: errorFromEvents(stream) ?? summary?.bodyError ?? summary?.error ?? null, stop_reason: null, content: [] }
  }
  const body = bodyText ? parseBody(bodyText) : null
  const r = rec(body)
  const shape: ResponseShape = { status, error: summary?.error ?? null, stop_reason: null, content: [] }
  if (!r) {
    if (!shape.error && bodyText && summary && (summary.status ?? 0) >= 400) shape.error = bodyText.slice(0, 500)
    return shape
  }
  const err = r.error !== undefined || r.type === 'error' ? errorText(r) : null
  if (err) shape.error = err
  const { content, stop } = bodyContent(r)
  shape.content = content
  shape.stop_reason = stop
  if (!shape.error && summary?.bodyError) shape.error = summary.bodyError
  return shape
}

function errorFromEvents(stream: StreamView): string | null {
  for (const e of stream.events) {
    if (!e.data.includes('error')) continue
    try {
      const text = errorText(JSON.parse(e.data))
      if (text) return text
    } catch {
      /* not JSON */
    }
  }
  return null
}
