// drop-orphan-tool-result: a result must answer a call of the message before it (R18), typically broken by
// history trimming; the orphan goes, and so does a message it leaves empty.
import { isRecord, str, type JsonRecord } from '../../protocols/json'
import { at, blocksOf, isAssistant, messagesOf, removeMessages, toolCallIds, toolUseIds } from './body'
import type { Fix } from './types'

export const dropOrphanToolResult: Fix = {
  protocols: ['anthropic', 'openai'],
  apply(body, ctx) {
    const messages = messagesOf(body)
    const changes: string[] = []
    const dropped: number[] = []
    messages.forEach((message, j) => {
      if (!isRecord(message)) return
      if (ctx.protocol === 'openai') {
        if (message.role !== 'tool') return
        let k = j - 1
        while (k >= 0 && isRecord(messages[k]) && (messages[k] as JsonRecord).role === 'tool') k--
        const owner = messages[k]
        const calls = isAssistant(owner) ? toolCallIds(owner) : []
        const id = str(message.tool_call_id) ?? ''
        if (calls.includes(id)) return
        dropped.push(j)
        changes.push(`${at(j)}: tool message for ${id || '(no id)'} removed, no tool call of the assistant message before it has that id`)
        return
      }
      const blocks = blocksOf(message)
      if (message.role !== 'user' || !blocks) return
      const prev = messages[j - 1]
      const calls = isAssistant(prev) ? toolUseIds(prev) : []
      const kept = blocks.filter((block, b) => {
        if (!isRecord(block) || block.type !== 'tool_result') return true
        const id = str(block.tool_use_id) ?? ''
        if (calls.includes(id)) return true
        changes.push(`${at(j)}: tool_result ${id || '(no id)'} (block ${b}) removed, the message before has no such tool_use`)
        return false
      })
      if (kept.length === blocks.length) return
      message.content = kept
      if (kept.length === 0) {
        dropped.push(j)
        changes.push(`${at(j)}: message removed, it held only orphan results`)
      }
    })
    removeMessages(body, dropped)
    return changes
  }
}
