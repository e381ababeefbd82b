// Craft Agents runs custom endpoints through pi-ai, whose Anthropic provider turns thinking that has no
// signature into a text block on replay. Live: @mariozechner/pi-ai 0.73.1 (Craft 0.10.0's pin) sends
// [text, text, tool_use] and gets MiMo's 400; @earendil-works/pi-ai 0.77.0 with compat.allowEmptySignature sends
// the thinking block and passes (test/fixtures/clients/pi-ai-*).
import { issue, pr } from '../../diagnose/catalogue'
import type { KnownIssue } from './types'

export const piAiUnsignedThinkingAsText: KnownIssue = {
  id: 'pi-ai-unsigned-thinking-as-text',
  client: 'Craft Agents',
  versions: { introduced: null, lastAffected: '0.9.2', fixedIn: null },
  providers: ['mimo'],
  rules: ['compat.reasoning-passback-missing'],
  problem:
    'Craft Agents (through the pi-ai library) replays a thinking block that came without a signature as a plain text block, so MiMo’s Anthropic endpoint sees tool-call turns with no thinking and rejects them.',
  sources: [issue('craft-ai-agents/craft-agents-oss', 746), issue('earendil-works/pi', 4464), pr('earendil-works/pi', 4971)],
  workarounds: [
    {
      kind: 'setting',
      name: 'compat.allowEmptySignature',
      value: 'true',
      where: 'the model definition of the custom endpoint (pi-ai ≥ 0.77.0 reads it)'
    },
    { kind: 'repair', fixId: 'text-to-thinking' }
  ],
  verified:
    'Live through the proxy: @mariozechner/pi-ai 0.73.1 (the version craft-agents-oss pins in packages/pi-agent-server at 215910da) turns the unsigned thinking into text and gets the 400; @earendil-works/pi-ai 0.77.0 with compat.allowEmptySignature keeps it as thinking and gets a 200. The option is absent from 0.76.0 and earlier (checked in the published packages).'
}
