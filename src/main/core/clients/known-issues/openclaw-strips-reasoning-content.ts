// OpenClaw's OpenAI-compatible replay drops reasoning_content from earlier assistant tool-call messages.
import { issue } from '../../diagnose/catalogue'
import type { KnownIssue } from './types'

export const openclawStripsReasoningContent: KnownIssue = {
  id: 'openclaw-strips-reasoning-content',
  client: 'OpenClaw',
  versions: { introduced: null, lastAffected: null, fixedIn: null },
  providers: ['mimo', 'kimi'],
  rules: ['compat.reasoning-passback-missing'],
  problem:
    'OpenClaw’s OpenAI-compatible history replay strips `reasoning_content` from earlier assistant tool-call messages, which MiMo and Kimi reject when thinking is on.',
  sources: [issue('openclaw/openclaw', 82139), issue('openclaw/openclaw', 91558)],
  workarounds: [
    { kind: 'setting', name: 'reasoning', value: 'false', where: 'the model entry of the provider in the OpenClaw config' },
    { kind: 'repair', fixId: 'restore-reasoning-content' }
  ],
  verified:
    'Tracker: openclaw#82139 reports it for MiMo-V2.6-Pro and kimi-k2.6 as a regression of the replay change; openclaw#91558 (OpenClaw 2026.6.1, Kimi) gives the working model config with "reasoning": false.'
}
