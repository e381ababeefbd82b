// add-tool-result: every tool call needs its result right after it (R17). A result placed after other
// content is moved to the front; a missing one becomes an is_error "(cancelled)" result, as agents send for
// an interrupted tool. The last message is left alone: an assistant turn still waiting (as R17 does).
import { isRecord, str, type JsonRecord } from '../../protocols/json'
import { at, isAssistant, messagesOf, toolCallIds, toolUseIds } from './body'
import type { Fix } from './types'

export const CANCELLED = '(cancelled)'

export const addToolResult: Fix = {
  protocols: ['anthropic', 'openai'],
  apply(body, ctx) {
    const messages = messagesOf(body)
    const changes: string[] = []
    const out: unknown[] = []
    for (let i = 0; i < messages.length; i++) {
      const message = messages[i]
      out.push(message)
      if (!isAssistant(message) || i === messages.length - 1) continue
      if (ctx.protocol === 'openai') {
        // Keep the run of tool messages that follows, then add what it lacks.
        const answered = new Set<string>()
        for (let next = messages[i + 1]; isRecord(next) && next.role === 'tool'; next = messages[i + 1]) {
          answered.add(str(next.tool_call_id) ?? '')
          out.push(next)
          i++
        }
        for (const id of toolCallIds(message).filter((id) => id !== '' && !answered.has(id))) {
          out.push({ role: 'tool', tool_call_id: id, content: CANCELLED })
          changes.push(`tool message for ${id} ("${CANCELLED}") added after ${at(i)}`)
        }
        continue
      }
      const ids = toolUseIds(message).filter((id) => id !== '')
      if (ids.length === 0) continue
      const next = messages[i + 1]
      if (isRecord(next) && next.role === 'user') {
        changes.push(...answerIn(next, i + 1, ids))
        continue
      }
      out.push({ role: 'user', content: ids.map(cancelled) })
      changes.push(`user message with tool_result for ${ids.join(', ')} ("${CANCELLED}", is_error) added after ${at(i)}`)
    }
    if (changes.length > 0) body.messages = out
    return changes
  }
}

const cancelled = (id: string): JsonRecord => ({ type: 'tool_result', tool_use_id: id, content: CANCELLED, is_error: true })

const isResult = (block: unknown, id?: string): block is JsonRecord =>
  isRecord(block) && block.type === 'tool_result' && (id === undefined || block.tool_use_id === id)

/** Makes the user message at `j` begin with a tool_result for each id; existing leading results stay first. */
function answerIn(next: JsonRecord, j: number, ids: readonly string[]): string[] {
  const blocks: unknown[] = Array.isArray(next.content) ? [...next.content] : typeof next.content === 'string' && next.content !== '' ? [{ type: 'text', text: next.content }] : []
  let lead = 0
  while (lead < blocks.length && isResult(blocks[lead])) lead++
  const leading = new Set(blocks.slice(0, lead).map((b) => str((b as JsonRecord).tool_use_id) ?? ''))
  const changes: string[] = []
  const added: unknown[] = []
  for (const id of ids) {
    if (leading.has(id)) continue
    const late = blocks.findIndex((b, k) => k >= lead && isResult(b, id))
    if (late !== -1) {
      added.push(blocks[late])
      blocks[late] = null
      changes.push(`${at(j)}: tool_result for ${id} moved to the front (it came after other content)`)
    } else {
      added.push(cancelled(id))
      changes.push(`${at(j)}: tool_result for ${id} added ("${CANCELLED}", is_error)`)
    }
  }
  if (added.length === 0) return []
  if (typeof next.content === 'string') changes.unshift(`${at(j)}: string content turned into a text block to sit after the results`)
  next.content = [...blocks.slice(0, lead), ...added, ...blocks.slice(lead).filter((b) => b !== null)]
  return changes
}
