// R18: a tool result must answer a tool call of the message right before it (Anthropic: the previous
// assistant message; OpenAI: the assistant message the run of tool messages follows). Typical after history
// was trimmed or compacted mid-turn.
import type { Finding, TimelineMessage } from '../../../../shared/types'
import { providerInUse, type RuleContext } from '../context'
import { finding, severityFor } from '../finding'

const RULE = 'anthropic.tool-result-without-use'

export function toolResultWithoutUse(ctx: RuleContext): Finding[] {
  // OpenAI (llama_index#10493), DeepSeek (deepx-code#94), DashScope (qwen-code#2360) and Kimi (LangBot#1040)
  // reject it too.
  const severity = severityFor(providerInUse(ctx), ['anthropic', 'openai', 'deepseek', 'dashscope', 'kimi'])
  const messages = ctx.view.messages
  const out: Finding[] = []
  const fix = 'Drop the orphan result, or cut the history at a turn boundary.'
  for (let j = 0; j < messages.length; j++) {
    const message = messages[j]
    if (ctx.protocol === 'anthropic') {
      if (message.role !== 'user') continue
      const calls = callIds(messages[j - 1], 'assistant')
      message.blocks.forEach((block, b) => {
        if (block.type !== 'tool_result' || calls.has(block.toolUseId)) return
        out.push(
          finding(RULE, {
            severity,
            messageIndex: j,
            blockIndex: b,
            path: `messages[${j}].content[${b}]`,
            message: `The tool_result ${block.toolUseId || '(no id)'} in message ${j} answers no tool_use of the message before it.`,
            fix,
            fixIds: ['drop-orphan-tool-result']
          })
        )
      })
    } else if (message.role === 'tool') {
      let k = j - 1
      while (k >= 0 && messages[k].role === 'tool') k--
      const id = message.blocks[0]?.type === 'tool_result' ? message.blocks[0].toolUseId : ''
      if (callIds(messages[k], 'assistant').has(id)) continue
      out.push(
        finding(RULE, {
          severity,
          messageIndex: j,
          path: `messages[${j}].tool_call_id`,
          message: `Tool message ${j} (tool_call_id ${id || 'missing'}) answers no tool call of the assistant message before it.`,
          fix,
          fixIds: ['drop-orphan-tool-result']
        })
      )
    }
  }
  return out
}

function callIds(message: TimelineMessage | undefined, role: string): Set<string> {
  const ids = new Set<string>()
  if (!message || message.role !== role) return ids
  for (const block of message.blocks) if (block.type === 'tool_use' || block.type === 'tool_call') ids.add(block.id)
  return ids
}
