// R17: every tool call needs its result right after it. Anthropic: the next message is a user message that
// begins with one tool_result per tool_use id, before any text. OpenAI: the tool messages that follow the
// assistant message answer every tool_call id. The finding sits on the assistant message, as Anthropic's
// `messages.N:` does (Bedrock names the user message instead; ranking handles that).
import type { Finding, TimelineMessage } from '../../../../shared/types'
import { providerInUse, type RuleContext } from '../context'
import { finding, severityFor } from '../finding'

const RULE = 'anthropic.tool-use-without-result'

export function toolUseWithoutResult(ctx: RuleContext): Finding[] {
  // OpenAI (CLIProxyAPI#2798), DeepSeek (TuriX-CUA#15) and DashScope (qwen-code#606) reject it too.
  const severity = severityFor(providerInUse(ctx), ['anthropic', 'openai', 'deepseek', 'dashscope'])
  const messages = ctx.view.messages
  const out: Finding[] = []
  // The last message may be an assistant turn still waiting for its results (a prefill): not checked.
  for (let i = 0; i < messages.length - 1; i++) {
    const message = messages[i]
    if (message.role !== 'assistant') continue
    const calls = toolCalls(message)
    if (calls.length === 0) continue
    const answered = ctx.protocol === 'anthropic' ? leadingResults(messages[i + 1]) : followingToolResults(messages, i + 1)
    const orphans = calls.filter((c) => !answered.has(c.id))
    if (orphans.length === 0) continue
    const late = ctx.protocol === 'anthropic' && orphans.some((c) => laterResult(messages[i + 1], c.id))
    const ids = orphans.map((c) => c.id || '(no id)').join(', ')
    const kind = ctx.protocol === 'anthropic' ? 'tool_use' : 'tool call'
    out.push(
      finding(RULE, {
        severity,
        messageIndex: i,
        blockIndex: orphans[0].position,
        path: ctx.protocol === 'anthropic' ? `messages[${i}].content[${orphans[0].position}]` : `messages[${i}].tool_calls[${orphans[0].position}]`,
        message: late
          ? `The results for ${kind} ${ids} of assistant message ${i} come after other content in message ${i + 1}; tool_result blocks must come first.`
          : `Assistant message ${i} has ${kind} ${ids} with no result right after it.`,
        fix: late
          ? 'Move the tool_result blocks to the start of the next user message.'
          : 'Add a result for each id right after the message (an is_error result with a short note for a cancelled tool).',
        fixIds: ['add-tool-result']
      })
    )
  }
  return out
}

/** Tool calls with their position: block index (Anthropic) or tool_calls index (OpenAI). */
function toolCalls(message: TimelineMessage): Array<{ id: string; position: number }> {
  const calls: Array<{ id: string; position: number }> = []
  let callIndex = 0
  message.blocks.forEach((block, b) => {
    if (block.type === 'tool_use') calls.push({ id: block.id, position: b })
    else if (block.type === 'tool_call') calls.push({ id: block.id, position: callIndex++ })
  })
  return calls
}

/** Ids answered by the tool_result blocks a user message begins with. */
function leadingResults(next: TimelineMessage | undefined): Set<string> {
  const ids = new Set<string>()
  if (!next || next.role !== 'user') return ids
  for (const block of next.blocks) {
    if (block.type !== 'tool_result') break
    ids.add(block.toolUseId)
  }
  return ids
}

function laterResult(next: TimelineMessage | undefined, id: string): boolean {
  return !!next && next.role === 'user' && next.blocks.some((b) => b.type === 'tool_result' && b.toolUseId === id)
}

/** Ids answered by the run of `tool` messages starting at `from`. */
function followingToolResults(messages: readonly TimelineMessage[], from: number): Set<string> {
  const ids = new Set<string>()
  for (let j = from; j < messages.length && messages[j].role === 'tool'; j++) {
    for (const block of messages[j].blocks) if (block.type === 'tool_result') ids.add(block.toolUseId)
  }
  return ids
}
