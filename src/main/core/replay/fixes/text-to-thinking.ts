// text-to-thinking (Anthropic): when the thinking was replayed as text and no recorded response is left,
// the text is the thinking; send it back as an unsigned thinking block, as MiMo takes it (R04).
import { at, blocksOf, isBlank, isTextBlock, lacksThinking, messagesOf } from './body'
import type { Fix } from './types'

export const textToThinking: Fix = {
  protocols: ['anthropic'],
  apply(body) {
    const changes: string[] = []
    messagesOf(body).forEach((message, i) => {
      if (!lacksThinking(message)) return
      const blocks = blocksOf(message) ?? []
      const first = blocks[0]
      if (!isTextBlock(first) || isBlank(first.text)) return
      blocks[0] = { type: 'thinking', thinking: first.text, signature: '' }
      changes.push(`${at(i)}: text block 0 became a thinking block (signature "")`)
    })
    return changes
  }
}
