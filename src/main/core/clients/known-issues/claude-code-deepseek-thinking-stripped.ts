// Claude Code 2.1.152–2.1.153 against DeepSeek's /anthropic endpoint: assistant tool_use turns come back without
// their thinking block, and DeepSeek wants one on every such turn.
import { issue } from '../../diagnose/catalogue'
import type { KnownIssue } from './types'

export const claudeCodeDeepseekThinkingStripped: KnownIssue = {
  id: 'claude-code-deepseek-thinking-stripped',
  client: 'Claude Code',
  versions: { introduced: '2.1.152', lastAffected: '2.1.153', fixedIn: null },
  providers: ['deepseek'],
  rules: ['compat.reasoning-passback-missing'],
  problem:
    'Claude Code’s context management drops thinking blocks from earlier assistant turns, and DeepSeek’s Anthropic endpoint answers `The content[].thinking in the thinking mode must be passed back to the API.`',
  sources: [issue('farion1231/cc-switch', 3222), issue('farion1231/cc-switch', 3246), issue('farion1231/cc-switch', 3261)],
  workarounds: [
    { kind: 'repair', fixId: 'restore-thinking' },
    { kind: 'repair', fixId: 'placeholder-reasoning' }
  ],
  verified:
    'Tracker: three reports in the relay’s tracker name Claude Code 2.1.152 and 2.1.153 (not the relay) as the change that made every request after the first tool call fail; cc-switch#3222 gives the cause (context management strips thinking) and a curl repro.'
}
