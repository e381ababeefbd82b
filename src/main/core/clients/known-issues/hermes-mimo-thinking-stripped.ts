// Hermes Agent strips thinking for "third-party" Anthropic hosts and did not echo reasoning_content for MiMo.
import { issue, pr } from '../../diagnose/catalogue'
import type { KnownIssue } from './types'

export const hermesMimoThinkingStripped: KnownIssue = {
  id: 'hermes-mimo-thinking-stripped',
  client: 'Hermes Agent',
  versions: { introduced: null, lastAffected: null, fixedIn: null },
  providers: ['mimo'],
  rules: ['compat.reasoning-passback-missing'],
  problem:
    'Hermes Agent removes every thinking block before replaying history to MiMo’s Anthropic endpoint (it keeps unsigned thinking only for Kimi and DeepSeek) and did not pad `reasoning_content` for MiMo on the OpenAI path, so the next tool-call turn gets the 400.',
  sources: [issue('NousResearch/hermes-agent', 24443), issue('NousResearch/hermes-agent', 26774), pr('NousResearch/hermes-agent', 46681)],
  workarounds: [
    { kind: 'repair', fixId: 'restore-thinking' },
    { kind: 'repair', fixId: 'placeholder-reasoning' }
  ],
  verified:
    'Tracker: hermes-agent#24443 and #26774 quote the code (`_preserve_unsigned_thinking` lists only Kimi and DeepSeek in agent/anthropic_adapter.py); PR#46681 (2026-06-15) replays MiMo thinking, but which release carries it is not stated, so no fixed version is claimed.'
}
