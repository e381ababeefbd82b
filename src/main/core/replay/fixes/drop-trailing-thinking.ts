// drop-trailing-thinking (Anthropic): an assistant message may not end in thinking (R08); the trailing
// run of thinking blocks goes, the thinking that leads into a tool call stays.
import { isAssistant, isThinkingBlock, messagesOf, removeMessages, stripThinking, blocksOf } from './body'
import type { Fix } from './types'

export const dropTrailingThinking: Fix = {
  protocols: ['anthropic'],
  apply(body) {
    const changes: string[] = []
    const emptied: number[] = []
    messagesOf(body).forEach((message, i) => {
      if (!isAssistant(message)) return
      const blocks = blocksOf(message) ?? []
      let start = blocks.length
      while (start > 0 && isThinkingBlock(blocks[start - 1])) start--
      if (start === blocks.length) return
      if (stripThinking(message, i, (b) => b >= start, changes)) emptied.push(i)
    })
    removeMessages(body, emptied)
    return changes
  }
}
