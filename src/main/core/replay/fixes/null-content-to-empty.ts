// null-content-to-empty (OpenAI): MiMo rejects an assistant tool-call message with `content: null` or no
// content ("`text` is not present", R20); `""` passes.
import { at, isAssistant, messagesOf, setKey, toolCallIds } from './body'
import type { Fix } from './types'

export const nullContentToEmpty: Fix = {
  protocols: ['openai'],
  apply(body) {
    const changes: string[] = []
    messagesOf(body).forEach((message, i) => {
      if (!isAssistant(message) || toolCallIds(message).length === 0) return
      if (message.content !== null && message.content !== undefined) return
      const was = message.content === null ? 'null' : 'absent'
      setKey(message, 'content', '', 'tool_calls')
      changes.push(`${at(i)}: content ${was} → ""`)
    })
    return changes
  }
}
