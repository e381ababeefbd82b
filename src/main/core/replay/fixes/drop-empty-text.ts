// drop-empty-text: text blocks must hold non-whitespace text and messages must not be empty (R23, R25).
// Blank text blocks go (top-level system too); a message left empty goes, except a final assistant
// message, which may be empty. OpenAI string content is left alone: MiMo wants "" beside tool_calls (R20).
import { isRecord, type JsonRecord } from '../../protocols/json'
import { at, isBlank, isTextBlock, messagesOf, removeMessages } from './body'
import type { Fix } from './types'

export const dropEmptyText: Fix = {
  protocols: ['anthropic', 'openai'],
  apply(body, ctx) {
    const changes: string[] = []
    if (Array.isArray(body.system)) {
      const kept = dropBlank(body.system, (b) => `system[${b}]: blank text block removed`, changes)
      if (kept.length === body.system.length) {
        // nothing blank in the system prompt
      } else if (kept.length === 0) {
        delete body.system
        changes.push('system: removed, it held only blank text')
      } else body.system = kept
    }
    const messages = messagesOf(body)
    const dropped: number[] = []
    messages.forEach((message, i) => {
      if (!isRecord(message)) return
      const finalAssistant = i === messages.length - 1 && message.role === 'assistant'
      const content = message.content
      if (Array.isArray(content)) {
        const kept = dropBlank(content, (b) => `${at(i)}: blank text block ${b} removed`, changes)
        if (kept.length === content.length && ctx.protocol === 'openai') return
        message.content = kept
        if (kept.length > 0 || finalAssistant) return
        if (ctx.protocol === 'openai' && hasToolCalls(message)) {
          message.content = ''
          return
        }
      } else if (ctx.protocol === 'openai' || content !== '' || finalAssistant) return
      dropped.push(i)
      changes.push(`${at(i)}: message removed, it had no content left`)
    })
    removeMessages(body, dropped)
    return changes
  }
}

function dropBlank(blocks: readonly unknown[], line: (b: number) => string, changes: string[]): unknown[] {
  return blocks.filter((block, b) => {
    if (!isTextBlock(block) || !isBlank(block.text)) return true
    changes.push(line(b))
    return false
  })
}

const hasToolCalls = (message: JsonRecord): boolean => Array.isArray(message.tool_calls) && message.tool_calls.length > 0
