// disable-thinking: `thinking: {"type":"disabled"}` lifts the pass-back check (R02), and with it the
// history may not carry thinking either (R09), so every thinking block / reasoning_content goes.
import { isRecord } from '../../protocols/json'
import { at, messagesOf, removeMessages, stripThinking } from './body'
import type { Fix } from './types'

export const disableThinking: Fix = {
  protocols: ['anthropic', 'openai'],
  apply(body, ctx) {
    const changes: string[] = []
    const emptied: number[] = []
    messagesOf(body).forEach((message, i) => {
      if (!isRecord(message)) return
      if (ctx.protocol === 'anthropic') {
        if (stripThinking(message, i, () => true, changes)) emptied.push(i)
      } else if ('reasoning_content' in message) {
        delete message.reasoning_content
        changes.push(`${at(i)}: reasoning_content removed`)
      }
    })
    removeMessages(body, emptied)
    const before = body.thinking
    if (!(isRecord(before) && before.type === 'disabled' && Object.keys(before).length === 1)) {
      body.thinking = { type: 'disabled' }
      changes.unshift(before === undefined ? 'thinking: {"type":"disabled"} added' : `thinking: ${JSON.stringify(before)} → {"type":"disabled"}`)
    }
    // A flag some servers read beside `thinking`; left true it would contradict it.
    if (body.enable_thinking === true) {
      body.enable_thinking = false
      changes.push('enable_thinking: true → false')
    }
    return changes
  }
}
