// The message (and block) an error text names. Conventions differ by provider (docs/wire-formats.md W8): Anthropic
// `messages.N.content.M`, MiMo `messages[N].role`, Craft `messages[N].tool_calls[*]`, Kimi `at index N`,
// DeepSeek `message index N`, OpenAI's param `messages.[N].content`. Bedrock's `messages.N.content` names the
// user message that should hold the results; the shift back to the assistant message is the ranking's
// business (error-texts.ts), not this one's.
import type { UnwrappedError } from '../../../shared/types'

export type ErrorLocation = NonNullable<UnwrappedError['location']>

/** Most specific first: a block index beats a bare message index found earlier in the list. */
const PATTERNS: readonly RegExp[] = [
  /messages\.(\d+)\.content\.(\d+)/,
  /messages\.?\[(\d+)\]\.content\.?\[(\d+)\]/,
  /messages\.?\[(\d+)\]\.tool_calls\.?\[(\d+|\*)\]/,
  /messages\.(\d+)(?!\d)/,
  /messages\.?\[(\d+)\]/,
  /\bmessage index (\d+)/i,
  /\bat index (\d+)/i
]

export function parseLocation(text: string | null | undefined): ErrorLocation | null {
  if (!text) return null
  for (const pattern of PATTERNS) {
    const match = pattern.exec(text)
    if (!match) continue
    const block = match[2] !== undefined && match[2] !== '*' ? Number(match[2]) : null
    return { messageIndex: Number(match[1]), blockIndex: block, text: match[0] }
  }
  return null
}
