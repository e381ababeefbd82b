// remove-cache-control: `cache_control` is not allowed on thinking blocks (R11) or empty text blocks
// (R25), and at most 4 breakpoints count (R24, in the order tools, system, messages, as the rule counts);
// relays that add their own are the usual cause. The first 4 valid breakpoints stay.
import { isRecord, type JsonRecord } from '../../protocols/json'
import { messagesOf } from './body'
import type { Fix } from './types'

const LIMIT = 4
const THINKING = new Set<unknown>(['thinking', 'redacted_thinking'])

export const removeCacheControl: Fix = {
  protocols: ['anthropic', 'openai'],
  apply(body) {
    const changes: string[] = []
    let count = 0
    for (const [path, holder] of breakpoints(body)) {
      const why = THINKING.has(holder.type)
        ? `a ${String(holder.type)} block`
        : holder.type === 'text' && (typeof holder.text !== 'string' || holder.text === '')
          ? 'an empty text block'
          : ++count > LIMIT
            ? `beyond the ${LIMIT}th breakpoint`
            : null
      if (why === null) continue
      delete holder.cache_control
      changes.push(`${path}: cache_control removed (${why})`)
    }
    return changes
  }
}

/** Every object carrying cache_control, with its path, in Anthropic's counting order. */
function breakpoints(body: JsonRecord): Array<[string, JsonRecord]> {
  const out: Array<[string, JsonRecord]> = []
  const visit = (path: string, value: unknown): void => {
    if (isRecord(value) && value.cache_control !== undefined && value.cache_control !== null) out.push([path, value])
  }
  if (Array.isArray(body.tools)) body.tools.forEach((tool, t) => visit(`tools[${t}]`, tool))
  if (Array.isArray(body.system)) body.system.forEach((block, s) => visit(`system[${s}]`, block))
  messagesOf(body).forEach((message, i) => {
    if (!isRecord(message) || !Array.isArray(message.content)) return
    message.content.forEach((block, b) => {
      visit(`messages[${i}].content[${b}]`, block)
      if (isRecord(block) && Array.isArray(block.content)) block.content.forEach((inner, k) => visit(`messages[${i}].content[${b}].content[${k}]`, inner))
    })
  })
  return out
}
