// R23: empty or whitespace-only text blocks, and messages with no content at all (except a final assistant
// message). Anthropic rejects both, often without an index, so the request has to be scanned.
import type { Finding } from '../../../../shared/types'
import { isRecord } from '../../protocols/json'
import { providerInUse, rawMessages, type RuleContext } from '../context'
import { blockPath, finding, severityFor } from '../finding'

const RULE = 'anthropic.empty-text-block'

export function emptyTextBlock(ctx: RuleContext): Finding[] {
  if (ctx.protocol !== 'anthropic') return []
  // Kimi: "text content is empty" (kimi-cc#23); Zhipu: "text cannot be empty" (QwenPaw#287).
  const severity = severityFor(providerInUse(ctx), ['anthropic', 'kimi', 'zhipu'])
  const messages = rawMessages(ctx)
  const out: Finding[] = []
  messages.forEach((message, i) => {
    if (!isRecord(message)) return
    const content = message.content
    const finalAssistant = i === messages.length - 1 && message.role === 'assistant'
    if ((content === '' || (Array.isArray(content) && content.length === 0)) && !finalAssistant) {
      out.push(
        finding(RULE, {
          severity,
          messageIndex: i,
          path: `messages[${i}].content`,
          message: `Message ${i} has empty content; only a final assistant message may be empty.`,
          fix: 'Drop the empty message or give it content.',
          fixIds: ['drop-empty-text']
        })
      )
      return
    }
    if (!Array.isArray(content)) return
    content.forEach((block, b) => {
      if (!isRecord(block) || block.type !== 'text') return
      const text = typeof block.text === 'string' ? block.text : ''
      if (text.trim() !== '') return
      out.push(
        finding(RULE, {
          severity,
          messageIndex: i,
          blockIndex: b,
          path: `${blockPath(i, b)}.text`,
          message: `Text block ${b} of message ${i} is ${text === '' ? 'empty' : 'whitespace only'}; text blocks must hold non-whitespace text.`,
          fix: 'Drop the empty text block.',
          fixIds: ['drop-empty-text']
        })
      )
    })
  })
  return out
}
