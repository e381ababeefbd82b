// tool-choice-auto: thinking models allow only auto/none (R15). Anthropic keeps the object's other keys
// (disable_parallel_tool_use); OpenAI takes the string.
import { isRecord } from '../../protocols/json'
import type { Fix } from './types'

export const toolChoiceAuto: Fix = {
  protocols: ['anthropic', 'openai'],
  apply(body, ctx) {
    const before = body.tool_choice
    if (before === undefined) return []
    if (ctx.protocol === 'openai') {
      if (before === 'auto') return []
      body.tool_choice = 'auto'
    } else {
      if (isRecord(before) && before.type === 'auto') return []
      const rest = isRecord(before) ? Object.fromEntries(Object.entries(before).filter(([k]) => k !== 'type' && k !== 'name')) : {}
      body.tool_choice = { type: 'auto', ...rest }
    }
    return [`tool_choice: ${JSON.stringify(before)} → ${JSON.stringify(body.tool_choice)}`]
  }
}
