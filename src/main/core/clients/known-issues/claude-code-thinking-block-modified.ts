// Claude Code sends back the latest assistant turn's thinking altered; Anthropic refuses it (R07).
import { issue } from '../../diagnose/catalogue'
import type { KnownIssue } from './types'

export const claudeCodeThinkingBlockModified: KnownIssue = {
  id: 'claude-code-thinking-block-modified',
  client: 'Claude Code',
  versions: { introduced: null, lastAffected: '2.1.156', fixedIn: null },
  providers: ['anthropic'],
  rules: ['anthropic.thinking-block-modified'],
  problem:
    'Claude Code replays the latest assistant message with its thinking blocks changed, and Anthropic answers `thinking or redacted_thinking blocks in the latest assistant message cannot be modified`.',
  sources: [
    issue('anthropics/claude-code', 63203),
    issue('anthropics/claude-code', 63418),
    issue('anthropics/claude-code', 19460),
    issue('anthropics/claude-code', 25361)
  ],
  workarounds: [{ kind: 'repair', fixId: 'restore-thinking' }],
  verified:
    'Tracker: reports from 2.1.12 (claude-code#19460, "has repro"), 2.1.39 (#25361), and a wave on 2.1.153–2.1.156 (#63203, #63418, #63078); no fixed version is named there.'
}
