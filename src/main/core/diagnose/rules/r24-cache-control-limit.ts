// R24: at most 4 `cache_control` breakpoints per request, counted over tools, system and messages (in
// that order). Relays that add their own breakpoint push clients over the limit.
import type { Finding } from '../../../../shared/types'
import { isRecord } from '../../protocols/json'
import { providerInUse, rawMessages, type RuleContext } from '../context'
import { finding, severityFor } from '../finding'

const LIMIT = 4

interface Breakpoint {
  path: string
  messageIndex: number | null
  blockIndex: number | null
}

const marked = (value: unknown): boolean => isRecord(value) && value.cache_control !== undefined && value.cache_control !== null

export function cacheControlLimit(ctx: RuleContext): Finding[] {
  if (ctx.protocol !== 'anthropic') return []
  const points: Breakpoint[] = []
  if (Array.isArray(ctx.body.tools)) ctx.body.tools.forEach((tool, t) => marked(tool) && points.push({ path: `tools[${t}]`, messageIndex: null, blockIndex: null }))
  if (Array.isArray(ctx.body.system)) ctx.body.system.forEach((block, s) => marked(block) && points.push({ path: `system[${s}]`, messageIndex: null, blockIndex: null }))
  rawMessages(ctx).forEach((message, i) => {
    if (!isRecord(message) || !Array.isArray(message.content)) return
    message.content.forEach((block, b) => {
      if (marked(block)) points.push({ path: `messages[${i}].content[${b}]`, messageIndex: i, blockIndex: b })
      // Blocks nested in a tool_result count too.
      if (isRecord(block) && Array.isArray(block.content)) {
        block.content.forEach((inner, k) => marked(inner) && points.push({ path: `messages[${i}].content[${b}].content[${k}]`, messageIndex: i, blockIndex: b }))
      }
    })
  })
  if (points.length <= LIMIT) return []
  const over = points[LIMIT]
  return [
    finding('anthropic.cache-control-limit', {
      severity: severityFor(providerInUse(ctx), ['anthropic']),
      messageIndex: over.messageIndex,
      blockIndex: over.blockIndex,
      path: `${over.path}.cache_control`,
      message: `The request has ${points.length} \`cache_control\` breakpoints, more than the ${LIMIT} allowed; the first one over is at ${over.path}.`,
      fix: `Keep at most ${LIMIT} breakpoints (remove the extra ones, often added by a relay).`,
      fixIds: ['remove-cache-control']
    })
  ]
}
