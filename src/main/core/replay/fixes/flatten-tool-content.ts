// flatten-tool-content (OpenAI): MiMo takes tool content only as a string or text parts ("`text` is not
// set", R20); the text parts are joined, anything else (images) is dropped and named in the change.
import { isRecord } from '../../protocols/json'
import { at, messagesOf, plural } from './body'
import type { Fix } from './types'

export const flattenToolContent: Fix = {
  protocols: ['openai'],
  apply(body) {
    const changes: string[] = []
    messagesOf(body).forEach((message, i) => {
      if (!isRecord(message) || message.role !== 'tool' || !Array.isArray(message.content)) return
      const texts: string[] = []
      const dropped = new Map<string, number>()
      for (const part of message.content) {
        if (typeof part === 'string') texts.push(part)
        else if (isRecord(part) && part.type === 'text' && typeof part.text === 'string') texts.push(part.text)
        else {
          const kind = isRecord(part) && typeof part.type === 'string' ? part.type : typeof part
          dropped.set(kind, (dropped.get(kind) ?? 0) + 1)
        }
      }
      message.content = texts.join('\n')
      const lost = [...dropped].map(([kind, n]) => plural(n, `${kind} part`))
      changes.push(`${at(i)}: tool content flattened to a string${lost.length > 0 ? ` (${lost.join(', ')} dropped)` : ''}`)
    })
    return changes
  }
}
