// R32: MiMo's 421 is its content filter (MiMo error codes); its gateway has blocked system prompts with
// compliance keywords (MiMo#76). No body of one has been published, so the status alone decides.
import type { Finding } from '../../../../shared/types'
import { type RuleContext } from '../context'
import { finding } from '../finding'

export function contentFilter(ctx: RuleContext): Finding[] {
  if (ctx.status !== 421) return []
  return [
    finding('mimo.content-filter', {
      severity: 'error',
      message: "MiMo's content filter blocked the request (421); its gateway has been seen blocking system prompts that contain compliance keywords.",
      fix: 'Find the wording the filter objects to (often in the system prompt) and rephrase or remove it.',
      fixIds: []
    })
  ]
}
