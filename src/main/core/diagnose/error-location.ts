// The message (and block) an error text names, in every convention seen (docs/errors.md): Anthropic and
// Bedrock `messages.N.content.M` (dots, Pydantic paths), OpenAI `messages[N]` and its param `messages.[N].role`,
// GLM's singular `message[N].content[M]`, DashScope's `message[N].role`, Zhipu's `messages[N]:` (also with
// full-width brackets), Kimi `at index N` and `the message at position N`, DeepSeek `message index N`.
// Only the text is read here; which request message that is (an index counted in another format, an id, a
// part type) is locate.ts's business.
import type { UnwrappedError } from '../../../shared/types'

export type ErrorLocation = NonNullable<UnwrappedError['location']>

/** A location as written, with the counting convention its form suggests. */
export interface RawLocation extends ErrorLocation {
  /** Dotted paths come from Anthropic-style validators; brackets and ordinals from OpenAI-style servers. */
  convention: 'anthropic' | 'openai'
  at: number
}

const IDX = String.raw`(?:\.(\d+)|\.?\s?[[［](\d+)[\]］])`
const SUB = String.raw`(?:\.(?:content|tool_calls)(?:\.(\d+|\*)|\.?[[［](\d+|\*)[\]］]))?`
const PATH = new RegExp(String.raw`\bmessages?${IDX}${SUB}`, 'gi')
const ORDINAL = /\b(?:message index|at index|at position|index)\s*[[［]?\s*(\d+)/gi

/** Every location the text names, in the order written. */
export function parseLocations(text: string | null | undefined): RawLocation[] {
  if (!text) return []
  const out: RawLocation[] = []
  for (const m of text.matchAll(PATH)) {
    const dotted = m[1] !== undefined
    const block = m[3] ?? m[4]
    out.push({
      messageIndex: Number(m[1] ?? m[2]),
      blockIndex: block !== undefined && block !== '*' ? Number(block) : null,
      text: m[0],
      convention: dotted ? 'anthropic' : 'openai',
      at: m.index ?? 0
    })
  }
  for (const m of text.matchAll(ORDINAL)) out.push({ messageIndex: Number(m[1]), blockIndex: null, text: m[0], convention: 'openai', at: m.index ?? 0 })
  return out.sort((a, b) => a.at - b.at)
}

/** The first location the text names (a block index written later for the same message is kept). */
export function parseLocation(text: string | null | undefined): ErrorLocation | null {
  const all = parseLocations(text)
  if (all.length === 0) return null
  const first = all[0]
  const block = first.blockIndex ?? all.find((l) => l.messageIndex === first.messageIndex && l.blockIndex !== null)?.blockIndex ?? null
  return { messageIndex: first.messageIndex, blockIndex: block, text: first.text }
}
