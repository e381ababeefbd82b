// restore-reasoning-content (OpenAI): every assistant tool-call turn gets back the reasoning_content the
// endpoint streamed for it (R02; MiMo checks all of them), found by its tool_call ids.
import { at, lacksReasoning, messagesOf, setKey, toolCallIds } from './body'
import { FixError } from './fix-error'
import { recordedReasoning, replyForCalls } from './replies'
import type { Fix } from './types'

export const restoreReasoningContent: Fix = {
  protocols: ['openai'],
  apply(body, ctx) {
    const changes: string[] = []
    const unrecorded: string[] = []
    messagesOf(body).forEach((message, i) => {
      if (!lacksReasoning(message)) return
      const ids = toolCallIds(message)
      const reply = replyForCalls(ctx.replies, ids)
      const reasoning = reply ? recordedReasoning(reply) : ''
      if (reasoning.trim() === '') {
        unrecorded.push(`${at(i)} (tool_calls ${ids.join(', ')})`)
        return
      }
      setKey(message, 'reasoning_content', reasoning, 'tool_calls')
      changes.push(`${at(i)}: reasoning_content restored from the recorded response (${reasoning.length} characters)`)
    })
    if (changes.length === 0) {
      throw new FixError(
        unrecorded.length > 0
          ? `no recorded response holds the reasoning of ${unrecorded.join(', ')}`
          : 'every assistant tool-call turn already carries its reasoning_content'
      )
    }
    for (const where of unrecorded) changes.push(`${where}: left as is, no recorded response holds its reasoning`)
    return changes
  }
}
