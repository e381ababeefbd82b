// One message removed on its own: any role, a `system` message inside the history and the first user message
// included. An assistant message takes the results of its tool calls along (the Anthropic tool_result blocks
// of the next turn, dropping that turn if nothing else is left in it; the OpenAI tool messages answering it).
// Whether what is left is still a well-formed request is for well-formed.ts to say.
import { isRecord } from '../../protocols/json'
import type { Candidate, Protocol, State } from './candidate'
import { derive, messagesOf, recordAt } from './candidate'

export function removeMessage(protocol: Protocol, state: State, index: number): Candidate | null {
  const messages = messagesOf(state.body).slice()
  const origIndex = state.origIndex.slice()
  const msg = recordAt(messages, index)
  if (index < 0 || index >= messages.length) return null
  const ids = msg?.role === 'assistant' ? toolCallIds(protocol, msg) : new Set<string>()
  messages.splice(index, 1)
  origIndex.splice(index, 1)
  if (ids.size > 0 && protocol === 'anthropic') {
    let at = index
    while (at < messages.length && isRecord(messages[at]) && (messages[at] as { role?: unknown }).role === 'system') at++
    const reply = recordAt(messages, at)
    if (reply?.role === 'user' && Array.isArray(reply.content)) {
      const content = reply.content.filter((b) => !(isRecord(b) && b.type === 'tool_result' && ids.has(b.tool_use_id as string)))
      if (content.length === 0) {
        messages.splice(at, 1)
        origIndex.splice(at, 1)
      } else if (content.length !== reply.content.length) messages[at] = { ...reply, content }
    }
  }
  if (ids.size > 0 && protocol === 'openai') {
    for (let i = index; i < messages.length && recordAt(messages, i)?.role !== 'assistant'; ) {
      const m = recordAt(messages, i)
      if (m?.role === 'tool' && ids.has(m.tool_call_id as string)) {
        messages.splice(i, 1)
        origIndex.splice(i, 1)
      } else i++
    }
  }
  return derive(state, { ...state.body, messages }, origIndex, {})
}

function toolCallIds(protocol: Protocol, msg: Record<string, unknown>): Set<string> {
  const ids = new Set<string>()
  if (protocol === 'anthropic' && Array.isArray(msg.content)) {
    for (const b of msg.content) if (isRecord(b) && b.type === 'tool_use' && typeof b.id === 'string') ids.add(b.id)
  }
  if (protocol === 'openai' && Array.isArray(msg.tool_calls)) {
    for (const c of msg.tool_calls) if (isRecord(c) && typeof c.id === 'string') ids.add(c.id)
  }
  return ids
}
