// OpenCode ≤ 1.1.16 with a custom @ai-sdk/openai-compatible provider does not send reasoning_content back.
// Live: 1.0.185, 1.1.11 and 1.1.16 get MiMo's 400 on the tool-call follow-up, 1.1.53, 1.2.27 and 1.18.33 pass,
// and 1.0.185 with the interleaved option passes (scripts/capture-agents, test/fixtures/clients/opencode-1.0.185*).
import { doc, issue } from '../../diagnose/catalogue'
import type { KnownIssue } from './types'

export const opencodeDropsReasoningContent: KnownIssue = {
  id: 'opencode-drops-reasoning-content',
  client: 'OpenCode',
  versions: { introduced: null, lastAffected: '1.1.16', fixedIn: '1.1.53' },
  providers: ['mimo', 'deepseek', 'kimi'],
  rules: ['compat.reasoning-passback-missing'],
  problem:
    'With a custom OpenAI-compatible provider, OpenCode replays earlier tool-call turns without their `reasoning_content`, which MiMo, DeepSeek and Kimi reject when thinking is on.',
  sources: [
    issue('anomalyco/opencode', 6040),
    doc('MiMo: passing back reasoning_content (lists OpenCode)', 'https://platform.xiaomimimo.com/static/docs/usage-guide/passing-back-reasoning_content.md')
  ],
  workarounds: [
    {
      kind: 'setting',
      name: 'interleaved',
      value: '{"field": "reasoning_content"}',
      where: 'opencode.json, on the model: provider.<id>.models.<model>.interleaved'
    },
    { kind: 'upgrade', version: '1.1.53' },
    { kind: 'repair', fixId: 'restore-reasoning-content' }
  ],
  verified:
    'Live through the proxy to the emulator: opencode-ai 1.0.185, 1.1.11 and 1.1.16 send the assistant tool-call turn without reasoning_content and get the 400; 1.1.53, 1.2.27 and 1.18.33 send it; 1.0.185 with the interleaved setting sends it (1.1.27–1.1.34 could not run offline, so the first fixed release may be earlier than 1.1.53). The setting is the maintainer’s answer in opencode#6040.'
}
