// R20, MiMo's OpenAI path: an assistant tool-call message with `content: null` gives "`text` is not
// present"; a tool message whose content is a list holding more than text gives "`text` is not set".
// Standard OpenAI accepts both, so only MiMo is checked.
import type { Finding } from '../../../../shared/types'
import { isRecord } from '../../protocols/json'
import { providerInUse, rawMessages, rawToolCalls, type RuleContext } from '../context'
import { finding } from '../finding'

const RULE = 'mimo.tool-message-shape'

export function toolMessageShape(ctx: RuleContext): Finding[] {
  if (ctx.protocol !== 'openai' || providerInUse(ctx) !== 'mimo') return []
  const out: Finding[] = []
  rawMessages(ctx).forEach((message, i) => {
    if (!isRecord(message)) return
    if (message.role === 'assistant' && rawToolCalls(message).length > 0 && (message.content === null || !('content' in message))) {
      const absent = !('content' in message)
      out.push(
        finding(RULE, {
          // Reported for null; an absent key is the same gap to MiMo as far as anyone knows.
          severity: absent ? 'warning' : 'error',
          messageIndex: i,
          path: `messages[${i}].content`,
          message: `Assistant message ${i} has \`tool_calls\` and ${absent ? 'no `content` key' : '`content: null`'}, which MiMo rejects with "\`text\` is not present".`,
          fix: 'Send `"content": ""` (or a short text) beside the tool calls.',
          fixIds: ['null-content-to-empty']
        })
      )
    }
    if (message.role === 'tool' && Array.isArray(message.content)) {
      const other = message.content.find((part) => !(isRecord(part) && part.type === 'text'))
      if (other === undefined) return
      const kind = isRecord(other) && typeof other.type === 'string' ? other.type : typeof other
      out.push(
        finding(RULE, {
          severity: 'error',
          messageIndex: i,
          path: `messages[${i}].content`,
          message: `Tool message ${i} has list content with a \`${kind}\` part, and MiMo takes tool content only as a string or text parts ("\`text\` is not set").`,
          fix: 'Flatten the tool content to a string; put images in a following user message.',
          fixIds: ['flatten-tool-content']
        })
      )
    }
  })
  return out
}
