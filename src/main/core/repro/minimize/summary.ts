// The human lines of a minimization result: "removed messages 3–180 (178 messages)", "removed 58 unused
// tools", "shortened 12 texts to stubs", "removed the system prompt", "removed temperature and top_p".
import type { JsonRecord } from '../../protocols/json'
import type { Protocol, State } from './candidate'
import { messagesOf } from './candidate'
import { leadingSystemCount } from './parts'

export function summary(p: Protocol, original: JsonRecord, result: State): string[] {
  const lines: string[] = []
  const messages = messagesOf(original)
  const kept = new Set(result.origIndex)
  // OpenAI's leading system messages are reported as the system prompt, not as history.
  const systemEnd = p === 'openai' ? leadingSystemCount(messages) : 0
  const gone = messages.flatMap((_, i) => (kept.has(i) || i < systemEnd ? [] : [i]))
  const systemGone = Array.from({ length: systemEnd }, (_, i) => i).filter((i) => !kept.has(i)).length
  const t = result.done
  const msgLine = describeRemovedMessages(gone)
  if (msgLine) lines.push(msgLine)
  if (t.tools > 0) lines.push(`removed ${t.tools} unused ${plural(t.tools, 'tool')}`)
  if (t.blocks > 0) {
    const what = p === 'anthropic' ? plural(t.blocks, 'content block') : 'content parts or tool calls'
    lines.push(`removed ${t.blocks} ${what} (a tool call goes with its results)`)
  }
  if (t.texts > 0) lines.push(`shortened ${t.texts} ${plural(t.texts, 'text')} to stubs`)
  if (p === 'openai') {
    if (systemGone > 0) lines.push(systemGone === systemEnd ? (systemEnd === 1 ? 'removed the system message' : `removed all ${systemEnd} system messages`) : `removed ${systemGone} of the ${systemEnd} system messages`)
  } else if (t.system > 0) {
    if (!('system' in result.body)) lines.push('removed the system prompt')
    else lines.push(`removed system prompt parts (${t.system} of ${Array.isArray(original.system) ? original.system.length : 1})`)
  }
  if (t.params.length > 0) {
    const keys = Object.keys(original)
    lines.push(`removed ${listing([...t.params].sort((a, b) => keys.indexOf(a) - keys.indexOf(b)))}`)
  }
  return lines
}

/** "messages 3–180 (178 messages)", "messages 1–4, 6 and 9–12 (9 messages)" for the original indices gone. */
function describeRemovedMessages(removed: readonly number[]): string | null {
  if (removed.length === 0) return null
  const sorted = [...removed].sort((a, b) => a - b)
  const ranges: string[] = []
  for (let i = 0; i < sorted.length; ) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++
    ranges.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`)
    i = j + 1
  }
  const list = ranges.length === 1 ? ranges[0] : `${ranges.slice(0, -1).join(', ')} and ${ranges[ranges.length - 1]}`
  const n = sorted.length
  return `removed ${n === 1 ? 'message' : 'messages'} ${list} (${n} ${n === 1 ? 'message' : 'messages'})`
}

const plural = (n: number, word: string): string => (n === 1 ? word : `${word}s`)

function listing(items: readonly string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}
