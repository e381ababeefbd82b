// LiteLLM with modify_params=True turns thinking off when the last tool-call turn has no thinking block.
import { issue, pr } from '../../diagnose/catalogue'
import type { KnownIssue } from './types'

export const litellmModifyParamsDropsThinking: KnownIssue = {
  id: 'litellm-modify-params-drops-thinking',
  client: 'LiteLLM',
  versions: { introduced: null, lastAffected: null, fixedIn: null },
  providers: ['anthropic'],
  rules: ['anthropic.thinking-when-disabled'],
  problem:
    'With `modify_params` on, LiteLLM drops the `thinking` parameter when the latest assistant tool-call turn has no thinking block, while earlier turns still carry thinking, and Anthropic rejects thinking in a request without it.',
  sources: [issue('BerriAI/litellm', 18926), pr('BerriAI/litellm', 18929)],
  workarounds: [
    { kind: 'setting', name: 'modify_params', value: 'false', where: 'litellm settings (litellm.modify_params)' },
    { kind: 'repair', fixId: 'drop-thinking' }
  ],
  verified:
    'Tracker: litellm#18926 gives the repro and notes the request works with modify_params off; PR#18929 ("Fixes #18926", merged 2026-01-11) changes the check, but the release that carries it is not named, so no fixed version is claimed.'
}
