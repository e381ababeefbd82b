// Content blocks inside one message. A tool call is removed together with its results (Anthropic: the
// tool_result blocks in the next user message, and that message when nothing else is left in it; OpenAI: the
// tool messages answering it). A removal that would leave its own message empty is not a candidate (null);
// whether the rest is still well-formed is for well-formed.ts to say.
import { isRecord, type JsonRecord } from '../../protocols/json'
import type { Candidate, Protocol, State } from './candidate'
import { derive, messagesOf, recordAt } from './candidate'

/** One removable thing in message `message`: a block / content part, or a tool call with its results. */
export interface BlockElement {
  message: number
  /** Index in `content` (kind 'block') or in `tool_calls` (kind 'call', OpenAI). */
  index: number
  kind: 'block' | 'call'
  /** Tool call id whose results go with it, or null. */
  toolId: string | null
}

export function blockElements(protocol: Protocol, body: JsonRecord, message: number): BlockElement[] {
  const messages = messagesOf(body)
  const msg = recordAt(messages, message)
  if (!msg) return []
  const out: BlockElement[] = []
  const content = Array.isArray(msg.content) ? msg.content : []
  if (protocol === 'anthropic') {
    // tool_results answering the previous assistant message belong to its tool_use elements.
    const answered = msg.role === 'user' ? toolUseIds(recordAt(messages, message - 1)) : new Set<string>()
    content.forEach((block, index) => {
      if (!isRecord(block)) return out.push({ message, index, kind: 'block', toolId: null })
      if (block.type === 'tool_result' && typeof block.tool_use_id === 'string' && answered.has(block.tool_use_id)) return
      const toolId = msg.role === 'assistant' && block.type === 'tool_use' && typeof block.id === 'string' ? block.id : null
      out.push({ message, index, kind: 'block', toolId })
    })
    return out
  }
  if (msg.role === 'tool') return out
  content.forEach((_, index) => out.push({ message, index, kind: 'block', toolId: null }))
  if (msg.role === 'assistant' && Array.isArray(msg.tool_calls)) {
    msg.tool_calls.forEach((call, index) => {
      out.push({ message, index, kind: 'call', toolId: isRecord(call) && typeof call.id === 'string' ? call.id : null })
    })
  }
  return out
}

/** The state without `remove` (all in one message), or null when that would leave a message empty. */
export function removeBlocks(protocol: Protocol, state: State, remove: readonly BlockElement[]): Candidate | null {
  if (remove.length === 0) return state
  const messages = messagesOf(state.body).slice()
  const origIndex = state.origIndex.slice()
  const at = remove[0].message
  const msg = recordAt(messages, at)
  if (!msg) return null
  const gone = (kind: BlockElement['kind']): Set<number> => new Set(remove.filter((e) => e.kind === kind).map((e) => e.index))
  const ids = new Set(remove.flatMap((e) => (e.toolId === null ? [] : [e.toolId])))
  const blocks = gone('block')
  const calls = gone('call')
  const next: JsonRecord = { ...msg }
  if (blocks.size > 0 && Array.isArray(msg.content)) next.content = msg.content.filter((_, i) => !blocks.has(i))
  if (calls.size > 0 && Array.isArray(msg.tool_calls)) {
    const kept = msg.tool_calls.filter((_, i) => !calls.has(i))
    if (kept.length > 0) next.tool_calls = kept
    else delete next.tool_calls
  }
  if (isEmpty(protocol, next)) return null
  messages[at] = next

  if (ids.size > 0 && protocol === 'anthropic') {
    const reply = recordAt(messages, at + 1)
    if (reply && reply.role === 'user' && Array.isArray(reply.content)) {
      const content = reply.content.filter((b) => !(isRecord(b) && b.type === 'tool_result' && ids.has(b.tool_use_id as string)))
      if (content.length !== reply.content.length) {
        // A turn that held only those results goes with them; well-formed.ts decides whether what is left may be sent.
        if (content.length === 0) {
          messages.splice(at + 1, 1)
          origIndex.splice(at + 1, 1)
        } else messages[at + 1] = { ...reply, content }
      }
    }
  }
  if (ids.size > 0 && protocol === 'openai') {
    // The tool messages answering the removed calls, up to the next assistant message.
    for (let i = at + 1; i < messages.length && recordAt(messages, i)?.role !== 'assistant'; ) {
      const m = recordAt(messages, i)
      if (m?.role === 'tool' && ids.has(m.tool_call_id as string)) {
        messages.splice(i, 1)
        origIndex.splice(i, 1)
      } else i++
    }
  }
  return derive(state, { ...state.body, messages }, origIndex, { blocks: remove.length })
}

function toolUseIds(msg: JsonRecord | null): Set<string> {
  const ids = new Set<string>()
  if (msg?.role !== 'assistant' || !Array.isArray(msg.content)) return ids
  for (const b of msg.content) if (isRecord(b) && b.type === 'tool_use' && typeof b.id === 'string') ids.add(b.id)
  return ids
}

/** Nothing left to send: no blocks (Anthropic), or no text, parts or tool calls (OpenAI). */
function isEmpty(protocol: Protocol, msg: JsonRecord): boolean {
  const c = msg.content
  const hasContent = Array.isArray(c) ? c.length > 0 : typeof c === 'string' && (protocol === 'openai' ? c !== '' : true)
  if (protocol === 'anthropic') return !hasContent
  return !hasContent && !(Array.isArray(msg.tool_calls) && msg.tool_calls.length > 0)
}
