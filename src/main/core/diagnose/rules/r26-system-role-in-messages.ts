// R26: MiMo takes a `system` message only first (OpenAI path) and not at all inside Anthropic `messages`:
// `messages[1].role must be either 'user' or 'assistant', but got 'system'` (Claude Code ≥ 2.1.154).
import type { Finding } from '../../../../shared/types'
import { providerInUse, type RuleContext } from '../context'
import { finding, severityFor } from '../finding'

export function systemRoleInMessages(ctx: RuleContext): Finding[] {
  const provider = providerInUse(ctx)
  const anthropic = ctx.protocol === 'anthropic'
  // Anthropic's own API has no system role in `messages` either; OpenAI-style servers other than MiMo take it.
  const severity = severityFor(provider, anthropic ? ['mimo', 'anthropic'] : ['mimo'])
  const out: Finding[] = []
  for (const message of ctx.view.messages) {
    if (message.role !== 'system' || (!anthropic && message.index === 0)) continue
    out.push(
      finding('mimo.system-role-in-messages', {
        severity,
        messageIndex: message.index,
        path: `messages[${message.index}].role`,
        message: anthropic
          ? `Message ${message.index} has role "system", but Anthropic-format \`messages\` take only user and assistant; the system prompt belongs in the top-level \`system\`.`
          : `Message ${message.index} is a system message after the first position, which MiMo rejects.`,
        fix: anthropic ? 'Move its text into the top-level `system` parameter.' : 'Merge every system message into messages[0].',
        fixIds: ['fold-system-messages']
      })
    )
  }
  return out
}
