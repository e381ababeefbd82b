// Continue (CLI and IDE extensions) replays assistant tool-call turns without reasoning_content. Live:
// @continuedev/cli 1.5.47 gets MiMo's 400 on the tool-call follow-up (test/fixtures/clients/continue-cli/02.json).
import { issue } from '../../diagnose/catalogue'
import type { KnownIssue } from './types'

export const continueDropsReasoningContent: KnownIssue = {
  id: 'continue-drops-reasoning-content',
  client: 'Continue',
  versions: { introduced: null, lastAffected: '1.5.47', fixedIn: null },
  providers: ['mimo', 'deepseek'],
  rules: ['compat.reasoning-passback-missing'],
  problem:
    'Continue sends earlier assistant tool-call turns without the `reasoning_content` the model streamed, which MiMo and DeepSeek reject in thinking mode.',
  sources: [issue('continuedev/continue', 9245), issue('continuedev/continue', 12691), issue('continuedev/continue', 10193)],
  workarounds: [
    {
      kind: 'setting',
      name: 'requestOptions.extraBodyProperties.thinking',
      value: '{"type": "disabled"}',
      where: 'config.yaml, on the model'
    },
    { kind: 'repair', fixId: 'restore-reasoning-content' }
  ],
  verified:
    'Live through the proxy: @continuedev/cli 1.5.47 (provider openai, custom apiBase) sends the tool-call turn without reasoning_content and gets the 400; with the setting it sends `thinking: {"type": "disabled"}` and passes. The IDE extension reports the same with DeepSeek (continue#9245 on 1.2.11, #12691).'
}
