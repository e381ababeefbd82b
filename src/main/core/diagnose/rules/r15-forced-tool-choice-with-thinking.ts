// R15: a `tool_choice` that forces tool use is incompatible with thinking (Anthropic, DeepSeek, Qwen);
// MiMo's behaviour is not known, so a warning there.
import type { Finding } from '../../../../shared/types'
import { isRecord } from '../../protocols/json'
import { providerInUse, thinkingOn, type RuleContext } from '../context'
import { finding, severityFor } from '../finding'

function forcedChoice(protocol: RuleContext['protocol'], choice: unknown): string | null {
  if (protocol === 'anthropic') return isRecord(choice) && (choice.type === 'any' || choice.type === 'tool') ? `{"type":"${choice.type}"}` : null
  if (choice === 'required') return '"required"'
  if (isRecord(choice) && (choice.type === 'function' || isRecord(choice.function))) return 'a named function'
  return null
}

export function forcedToolChoiceWithThinking(ctx: RuleContext): Finding[] {
  const forced = forcedChoice(ctx.protocol, ctx.body.tool_choice)
  if (forced === null || !thinkingOn(ctx)) return []
  return [
    finding('compat.forced-tool-choice-with-thinking', {
      severity: severityFor(providerInUse(ctx), ['anthropic', 'deepseek']),
      path: 'tool_choice',
      message: `\`tool_choice\` forces tool use (${forced}) while thinking is on, which thinking models only allow as "auto" or "none".`,
      fix: 'Set `tool_choice` to auto (or none), or disable thinking for this request.',
      fixIds: ['tool-choice-auto', 'disable-thinking']
    })
  ]
}
