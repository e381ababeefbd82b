// The request outside the history: tools nobody calls, system prompt parts, optional parameters.
import { isRecord, type JsonRecord } from '../../protocols/json'
import type { Candidate, Protocol, State } from './candidate'
import { derive, messagesOf, without } from './candidate'

// ---------- tools ----------

/** Names the request still needs: called in the history, or forced by tool_choice. */
function referencedTools(protocol: Protocol, body: JsonRecord): Set<string> {
  const names = new Set<string>()
  for (const m of messagesOf(body)) {
    if (!isRecord(m)) continue
    if (protocol === 'anthropic' && Array.isArray(m.content)) {
      for (const b of m.content) if (isRecord(b) && b.type === 'tool_use' && typeof b.name === 'string') names.add(b.name)
    }
    if (protocol === 'openai' && Array.isArray(m.tool_calls)) {
      for (const c of m.tool_calls) if (isRecord(c) && isRecord(c.function) && typeof c.function.name === 'string') names.add(c.function.name)
    }
  }
  const choice = body.tool_choice
  if (isRecord(choice)) {
    const name = isRecord(choice.function) ? choice.function.name : choice.name
    if (typeof name === 'string') names.add(name)
  }
  return names
}

function toolName(tool: unknown): string | null {
  if (!isRecord(tool)) return null
  const name = isRecord(tool.function) ? tool.function.name : tool.name
  return typeof name === 'string' ? name : null
}

/** Indices in `tools` of the tools no remaining tool call (or tool_choice) names. */
export function unusedTools(protocol: Protocol, body: JsonRecord): number[] {
  if (!Array.isArray(body.tools)) return []
  const used = referencedTools(protocol, body)
  return body.tools.flatMap((t, i) => {
    const name = toolName(t)
    return name !== null && used.has(name) ? [] : [i]
  })
}

/**
 * Without the tools at `remove`. With none left, `tools` goes, and so do `tool_choice` and
 * `parallel_tool_calls`, which OpenAI rejects without tools.
 */
export function removeTools(state: State, remove: readonly number[]): Candidate {
  const tools = Array.isArray(state.body.tools) ? state.body.tools : []
  const gone = new Set(remove)
  const kept = tools.filter((_, i) => !gone.has(i))
  const body = kept.length > 0 ? { ...state.body, tools: kept } : without(state.body, ['tools', 'tool_choice', 'parallel_tool_calls'])
  return derive(state, body, state.origIndex, { tools: tools.length - kept.length })
}

// ---------- system prompt ----------

/**
 * Removable system parts: Anthropic's `system` blocks (or the whole string); on OpenAI the system messages
 * at the front after the first, which stays (it may be stubbed).
 */
export function systemParts(protocol: Protocol, body: JsonRecord): number[] {
  if (protocol === 'anthropic') {
    if (Array.isArray(body.system)) return body.system.map((_, i) => i)
    return typeof body.system === 'string' ? [0] : []
  }
  const parts: number[] = []
  const messages = messagesOf(body)
  for (let i = 0; i < messages.length && isSystem(messages[i]); i++) if (i > 0) parts.push(i)
  return parts
}

function isSystem(m: unknown): boolean {
  return isRecord(m) && (m.role === 'system' || m.role === 'developer')
}

export function removeSystemParts(protocol: Protocol, state: State, remove: readonly number[]): Candidate {
  const gone = new Set(remove)
  const step = { system: remove.length }
  if (protocol === 'anthropic') {
    const system = state.body.system
    const kept = Array.isArray(system) ? system.filter((_, i) => !gone.has(i)) : []
    const body = kept.length > 0 ? { ...state.body, system: kept } : without(state.body, ['system'])
    return derive(state, body, state.origIndex, step)
  }
  const messages = messagesOf(state.body)
  const body = { ...state.body, messages: messages.filter((_, i) => !gone.has(i)) }
  return derive(state, body, state.origIndex.filter((_, i) => !gone.has(i)), step)
}

/** Leading system messages of an OpenAI request (their removal is reported as system parts, not messages). */
export function leadingSystemCount(messages: readonly unknown[]): number {
  let n = 0
  while (n < messages.length && isSystem(messages[n])) n++
  return n
}

// ---------- parameters ----------

/**
 * Kept as sent: what the request is (model, messages, tools and system have their own steps), `max_tokens`
 * on Anthropic (required), the thinking switches (they decide whether the history is checked, R02), and
 * `stream`: MiMo answers a streamed request with an SSE error body (`data:{…}`, docs/wire-formats.md W2), so the repro
 * keeps the framing the agent saw, even though the fingerprint reads both the same.
 */
const KEEP = new Set(['model', 'messages', 'tools', 'system', 'stream', 'thinking', 'enable_thinking'])

export function optionalParams(protocol: Protocol, body: JsonRecord): string[] {
  return Object.keys(body).filter((k) => !KEEP.has(k) && !(protocol === 'anthropic' && k === 'max_tokens'))
}

export function removeParams(state: State, remove: readonly string[]): Candidate {
  return derive(state, without(state.body, remove), state.origIndex, { params: remove })
}
