// placeholder-reasoning: when the reasoning is lost for good, a short stand-in satisfies the pass-back
// check (R02: placeholders reported to work on MiMo, Kimi, DeepSeek). The model loses its own reasoning.
import { at, blocksOf, lacksReasoning, lacksThinking, messagesOf, setKey } from './body'
import type { Fix } from './types'

export const PLACEHOLDER_REASONING = 'Calling the tool.'

export const placeholderReasoning: Fix = {
  protocols: ['anthropic', 'openai'],
  apply(body, ctx) {
    const changes: string[] = []
    messagesOf(body).forEach((message, i) => {
      if (ctx.protocol === 'openai') {
        if (!lacksReasoning(message)) return
        setKey(message, 'reasoning_content', PLACEHOLDER_REASONING, 'tool_calls')
        changes.push(`${at(i)}: reasoning_content set to the placeholder "${PLACEHOLDER_REASONING}"`)
        return
      }
      if (!lacksThinking(message)) return
      blocksOf(message)?.unshift({ type: 'thinking', thinking: PLACEHOLDER_REASONING, signature: '' })
      changes.push(`${at(i)}: placeholder thinking block "${PLACEHOLDER_REASONING}" inserted (signature "")`)
    })
    return changes
  }
}
