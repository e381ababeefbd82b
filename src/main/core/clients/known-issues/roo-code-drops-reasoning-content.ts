// Roo Code's "OpenAI Compatible" provider converts history without reasoning_content unless its R1 format
// is on (RooCodeInc/Roo-Code src/api/providers/openai.ts and src/api/transform/openai-format.ts @cb836567, 3.52.1).
import { issue } from '../../diagnose/catalogue'
import type { KnownIssue } from './types'

export const rooCodeDropsReasoningContent: KnownIssue = {
  id: 'roo-code-drops-reasoning-content',
  client: 'Roo Code',
  versions: { introduced: null, lastAffected: '3.52.1', fixedIn: null },
  providers: ['mimo', 'kimi', 'deepseek'],
  rules: ['compat.reasoning-passback-missing'],
  problem:
    'Roo Code’s OpenAI Compatible provider drops `reasoning_content` from earlier assistant tool-call turns, so thinking-mode endpoints that require it (MiMo, Kimi, DeepSeek) answer 400.',
  sources: [issue('MoonshotAI/Kimi-K2.5', 13), issue('RooCodeInc/Roo-Code', 12196)],
  workarounds: [
    {
      kind: 'setting',
      name: 'Enable R1 model parameters (openAiR1FormatEnabled)',
      value: 'true',
      where: 'the OpenAI Compatible provider settings'
    },
    { kind: 'repair', fixId: 'restore-reasoning-content' }
  ],
  verified:
    'Source at cb836567 (3.52.1): convertToOpenAiMessages writes no reasoning_content; convertToR1Format, used when openAiR1FormatEnabled is on (or the model id contains deepseek-reasoner), keeps it on assistant messages. Reported with Roo Code 3.47.2 and Kimi in Kimi-K2.5#13 (`reasoning_content is missing in assistant tool call message at index 3`).'
}
