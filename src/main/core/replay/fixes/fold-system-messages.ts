// fold-system-messages: MiMo rejects `role: "system"` inside Anthropic `messages` and after the first
// position on OpenAI (R26, Claude Code ≥ 2.1.154). Anthropic: into the top-level `system`; OpenAI: into
// one system message at index 0. Texts keep their order; array content keeps its blocks (cache_control).
import { isRecord, str, type JsonRecord } from '../../protocols/json'
import { at, messagesOf, removeMessages, setKey } from './body'
import type { Fix } from './types'

export const foldSystemMessages: Fix = {
  protocols: ['anthropic', 'openai'],
  apply(body, ctx) {
    const messages = messagesOf(body)
    const systems = messages.flatMap((m, i) => (isRecord(m) && m.role === 'system' ? [i] : []))
    if (ctx.protocol === 'anthropic') return intoTopLevel(body, systems)
    if (systems.length === 0 || (systems.length === 1 && systems[0] === 0)) return []
    const changes: string[] = []
    let head: JsonRecord
    if (systems[0] === 0) head = messages[0] as JsonRecord
    else {
      head = { role: 'system', content: (messages[systems[0]] as JsonRecord).content }
      changes.push(`${at(systems[0])}: system message moved to messages[0]`)
    }
    for (const i of systems.slice(1)) {
      head.content = joined(head.content, (messages[i] as JsonRecord).content)
      changes.push(`${at(i)}: system message merged into the one at messages[0]`)
    }
    removeMessages(body, systems[0] === 0 ? systems.slice(1) : systems)
    if (systems[0] !== 0) messagesOf(body).unshift(head)
    return changes
  }
}

function intoTopLevel(body: JsonRecord, systems: readonly number[]): string[] {
  const messages = messagesOf(body)
  for (const i of systems) {
    const content = (messages[i] as JsonRecord).content
    if (body.system === undefined || body.system === null || body.system === '') setKey(body, 'system', content, 'messages')
    else body.system = joined(body.system, content)
  }
  removeMessages(body, systems)
  return systems.map((i) => `${at(i)}: system message moved into the top-level system`)
}

/** Strings join with a blank line; if either side is a block array, the result is one array of blocks. */
function joined(a: unknown, b: unknown): unknown {
  if (typeof a === 'string' && typeof b === 'string') return a === '' ? b : b === '' ? a : `${a}\n\n${b}`
  return [...asBlocks(a), ...asBlocks(b)]
}

function asBlocks(content: unknown): unknown[] {
  if (Array.isArray(content)) return content
  const text = str(content)
  return text ? [{ type: 'text', text }] : []
}
