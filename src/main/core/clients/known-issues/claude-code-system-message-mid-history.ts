// Claude Code ≥ 2.1.154 sends a role:"system" message inside `messages` (the mid-conversation-system beta):
// seen live from 2.1.197 as messages [user, system] on the very first turn (test/fixtures/clients/claude-code/03.json).
import { issue } from '../../diagnose/catalogue'
import type { KnownIssue } from './types'

export const claudeCodeSystemMessageMidHistory: KnownIssue = {
  id: 'claude-code-system-message-mid-history',
  client: 'Claude Code',
  versions: { introduced: '2.1.154', lastAffected: '2.1.197', fixedIn: null },
  providers: ['mimo'],
  rules: ['mimo.system-role-in-messages'],
  problem:
    'Claude Code puts harness context (agent types, skills) in a `role: "system"` message inside `messages`, which MiMo rejects with `messages[1].role must be either \'user\' or \'assistant\', but got \'system\'`.',
  sources: [issue('XiaomiMiMo/MiMo', 54), issue('anthropics/claude-code', 63469), issue('anthropics/claude-code', 77698)],
  workarounds: [
    { kind: 'repair', fixId: 'fold-system-messages' },
    { kind: 'downgrade', version: '2.1.153' }
  ],
  verified:
    'Live: @anthropic-ai/claude-code 2.1.197 sends `anthropic-beta: …mid-conversation-system-2026-04-07…` and a system message at messages[1] on every main request. Neither CLAUDE_CODE_MID_CONVERSATION_SYSTEM=0, CLAUDE_CODE_DISABLE_EXPERIMENTAL_BETAS=1 nor ANTHROPIC_DEFAULT_SONNET_MODEL_SUPPORTED_CAPABILITIES without mid_conversation_system removed it. Introduced version from MiMo#54.'
}
