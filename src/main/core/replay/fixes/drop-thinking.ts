// drop-thinking: thinking that must go without turning thinking off (a foreign signature R06, thinking in
// the final turn while disabled R09). With a finding: its block, or its whole message when the rule is
// about the message (R09) or names no block; without one: every thinking block.
import type { Finding } from '../../../../shared/types'
import { isRecord } from '../../protocols/json'
import { at, messagesOf, removeMessages, stripThinking } from './body'
import { FixError } from './fix-error'
import type { Fix } from './types'

const WHOLE_MESSAGE_RULES = new Set(['anthropic.thinking-when-disabled'])

export const dropThinking: Fix = {
  protocols: ['anthropic', 'openai'],
  apply(body, ctx) {
    const messages = messagesOf(body)
    const target = ctx.finding?.messageIndex ?? null
    if (target !== null && !isRecord(messages[target])) throw new FixError(`${at(target)} is not in the body any more`)
    const block = blockOf(ctx.finding)
    const changes: string[] = []
    const emptied: number[] = []
    messages.forEach((message, i) => {
      if (!isRecord(message) || (target !== null && i !== target)) return
      if (ctx.protocol === 'openai') {
        if (!('reasoning_content' in message)) return
        delete message.reasoning_content
        changes.push(`${at(i)}: reasoning_content removed`)
      } else if (stripThinking(message, i, (b) => block === null || b === block, changes)) emptied.push(i)
    })
    removeMessages(body, emptied)
    return changes
  }
}

function blockOf(finding: Finding | null): number | null {
  if (!finding || WHOLE_MESSAGE_RULES.has(finding.rule)) return null
  return finding.blockIndex
}
