// R19: a tool call id used twice in one history (a streaming-reassembly bug or a stale history, as Craft
// Agents' validator reports for Kimi). Providers pair results by id, so the second one is ambiguous.
import type { Finding } from '../../../../shared/types'
import { providerInUse, type RuleContext } from '../context'
import { finding, severityFor } from '../finding'

export function toolCallIdHygiene(ctx: RuleContext): Finding[] {
  // Zhipu answers a reused id with 1214 "messages 参数非法" (zhipuai-sdk-python-v4#14); elsewhere a risk.
  const severity = severityFor(providerInUse(ctx), ['zhipu'])
  const seen = new Map<string, number>()
  const out: Finding[] = []
  for (const message of ctx.view.messages) {
    if (message.role !== 'assistant') continue
    let callIndex = 0
    message.blocks.forEach((block, b) => {
      if (block.type !== 'tool_use' && block.type !== 'tool_call') return
      const position = block.type === 'tool_use' ? b : callIndex++
      if (block.id === '') return
      const first = seen.get(block.id)
      if (first === undefined) {
        seen.set(block.id, message.index)
        return
      }
      out.push(
        finding('compat.tool-call-id-hygiene', {
          severity,
          messageIndex: message.index,
          blockIndex: position,
          path: ctx.protocol === 'anthropic' ? `messages[${message.index}].content[${b}].id` : `messages[${message.index}].tool_calls[${position}].id`,
          message: `Assistant message ${message.index} reuses tool call id "${block.id}" already used in message ${first}.`,
          fix: 'Give every tool call a unique id (and its result the same one).',
          fixIds: []
        })
      )
    })
  }
  return out
}
