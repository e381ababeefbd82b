// R25: `cache_control` on an empty text block (`messages.N.content.M.text: cache_control cannot be set for
// empty text blocks`), e.g. an image pasted with no text.
import type { Finding } from '../../../../shared/types'
import { isRecord } from '../../protocols/json'
import { providerInUse, rawMessages, type RuleContext } from '../context'
import { blockPath, finding, severityFor } from '../finding'

const emptyMarkedText = (block: unknown): boolean =>
  isRecord(block) && block.type === 'text' && (typeof block.text !== 'string' || block.text === '') && block.cache_control !== undefined && block.cache_control !== null

export function cacheControlEmptyText(ctx: RuleContext): Finding[] {
  if (ctx.protocol !== 'anthropic') return []
  const severity = severityFor(providerInUse(ctx), ['anthropic'])
  const out: Finding[] = []
  const fix = 'Drop the empty text block, or move `cache_control` to a block with content.'
  if (Array.isArray(ctx.body.system)) {
    ctx.body.system.forEach((block, s) => {
      if (!emptyMarkedText(block)) return
      out.push(
        finding('anthropic.cache-control-empty-text', {
          severity,
          path: `system[${s}].text`,
          message: `System block ${s} is an empty text block with \`cache_control\`.`,
          fix,
          fixIds: ['remove-cache-control', 'drop-empty-text']
        })
      )
    })
  }
  rawMessages(ctx).forEach((message, i) => {
    if (!isRecord(message) || !Array.isArray(message.content)) return
    message.content.forEach((block, b) => {
      if (!emptyMarkedText(block)) return
      out.push(
        finding('anthropic.cache-control-empty-text', {
          severity,
          messageIndex: i,
          blockIndex: b,
          path: `${blockPath(i, b)}.text`,
          message: `Text block ${b} of message ${i} is empty and carries \`cache_control\`, which empty text blocks may not.`,
          fix,
          fixIds: ['remove-cache-control', 'drop-empty-text']
        })
      )
    })
  })
  return out
}
