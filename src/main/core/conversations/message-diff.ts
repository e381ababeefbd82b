// What changed inside one message between two requests, in the words a person debugging a 400 needs:
// "thinking block 0 became a text block", 'signature of thinking block 0: "sig-1" → ""', "reasoning_content removed".
// Each phrase names a block by its index in the NEWER message (the one that was sent and failed).
import { signatureChange } from '../evidence/describe'
import { json, pairedById } from './diff-pairs'
import { otherFieldChanges, reasoningFieldChanges, toolCallChanges, type Protocol } from './message-field-diff'
import { blockText, contentBlocks, isRecord, plainText, stringOr, type JsonRecord } from './message-shapes'

interface Indexed {
  block: JsonRecord
  index: number
}

/** Phrases describing how `next` differs from `base`; empty when they are the same JSON. */
export function messageDifferences(protocol: Protocol, base: unknown, next: unknown): string[] {
  if (json(base) === json(next)) return []
  if (!isRecord(base) || !isRecord(next)) return [isRecord(next) ? 'was not an object before' : 'is not an object']
  const phrases: string[] = []
  if (base.role !== next.role) phrases.push(`role changed from ${String(base.role)} to ${String(next.role)}`)
  const form = contentForm(base.content, next.content)
  phrases.push(...form)
  // "content became null" already says the text went; listing its blocks again adds nothing.
  const textGone = form.length > 0 && (base.content == null || next.content == null)
  const baseBlocks = indexed(base.content)
  const nextBlocks = indexed(next.content)
  const convertedText = new Set<number>()
  phrases.push(...thinkingChanges(baseBlocks, nextBlocks, convertedText))
  phrases.push(...sameTypeChanges('redacted_thinking', baseBlocks, nextBlocks))
  phrases.push(...toolUseChanges(baseBlocks, nextBlocks))
  phrases.push(...toolResultChanges(baseBlocks, nextBlocks))
  if (!textGone) phrases.push(...textChanges(baseBlocks, nextBlocks.filter((b) => !convertedText.has(b.index))))
  phrases.push(...otherBlockChanges(baseBlocks, nextBlocks))
  phrases.push(...blockOrderChange(baseBlocks, nextBlocks, convertedText))
  phrases.push(...reasoningFieldChanges(base, next))
  phrases.push(...toolCallChanges(protocol, base, next))
  phrases.push(...otherFieldChanges(base, next))
  // cache_control is left out: Claude Code moves its markers to the newest message on every request, so it
  // would show up in every diff; rules about it belong to the diagnosis.
  if (phrases.length === 0 && json(withoutCacheMarkers(base)) !== json(withoutCacheMarkers(next))) {
    phrases.push('same content, fields reordered or reformatted')
  }
  return phrases
}

function indexed(content: unknown): Indexed[] {
  return contentBlocks(content).map((block, index) => ({ block, index }))
}

function ofType(blocks: Indexed[], type: string): Indexed[] {
  return blocks.filter((b) => b.block.type === type)
}

function contentForm(base: unknown, next: unknown): string[] {
  if (formOf(base) === formOf(next)) return []
  if (next === null) return [plainText(base).trim() === '' ? 'content became null' : 'content became null (its text was dropped)']
  return [`content became ${formOf(next)} (was ${formOf(base)})`]
}

function formOf(content: unknown): string {
  if (content === null) return 'null'
  if (content === undefined) return 'absent'
  if (typeof content === 'string') return 'a string'
  return Array.isArray(content) ? 'a block array' : typeof content
}

// ---------- thinking ----------

function thinkingText(b: Indexed): string {
  return stringOr(b.block.thinking, '')
}

function thinkingChanges(base: Indexed[], next: Indexed[], convertedText: Set<number>): string[] {
  const baseThinking = ofType(base, 'thinking')
  const nextThinking = ofType(next, 'thinking')
  if (baseThinking.length === 0 && nextThinking.length === 0) return []
  const phrases: string[] = []
  const unmatchedNext = new Set(nextThinking)
  const unmatchedBase: Indexed[] = []
  // Same thinking text: the same block, maybe with its signature changed or moved.
  for (const b of baseThinking) {
    const same = [...unmatchedNext].find((n) => thinkingText(n) === thinkingText(b))
    if (!same) {
      unmatchedBase.push(b)
      continue
    }
    unmatchedNext.delete(same)
    phrases.push(...signatureChanges(b, same))
    if (b.index === 0 && same.index !== 0) phrases.push(`thinking is no longer the first block (now block ${same.index})`)
  }
  // Thinking replayed as plain text (pi-ai without empty-signature support, Craft Agents).
  const lost: Indexed[] = []
  const texts = next.filter((n) => blockText(n.block) !== null)
  for (const b of unmatchedBase) {
    const wanted = thinkingText(b).trim()
    const asText = wanted === '' ? undefined : texts.find((t) => !convertedText.has(t.index) && (blockText(t.block) ?? '').trim() === wanted)
    if (asText) {
      convertedText.add(asText.index)
      phrases.push(`thinking block ${b.index} became a text block` + (asText.index !== b.index ? ` (block ${asText.index})` : ''))
    } else {
      lost.push(b)
    }
  }
  // What is left pairs up in order: the thinking text itself was edited.
  const remainingNext = [...unmatchedNext]
  const stillLost: Indexed[] = []
  lost.forEach((b, i) => {
    const n = remainingNext[i]
    if (!n) return stillLost.push(b)
    phrases.push(thinkingText(n) === '' ? `thinking text of block ${n.index} emptied` : `thinking text of block ${n.index} changed`)
    phrases.push(...signatureChanges(b, n))
  })
  for (const n of remainingNext.slice(lost.length)) phrases.push(`thinking block ${n.index} added`)
  if (stillLost.length > 0) {
    if (stillLost.length === baseThinking.length && nextThinking.length === 0) {
      phrases.unshift(stillLost.length === 1 ? 'lost its thinking block' : `lost its ${stillLost.length} thinking blocks`)
    } else {
      for (const b of stillLost) phrases.push(`thinking block ${b.index} removed`)
    }
  }
  return phrases
}

/** A signature change is a change, said with its values (an empty one is `""`, a missing one absent). */
function signatureChanges(base: Indexed, next: Indexed): string[] {
  const before = base.block.signature
  const after = next.block.signature
  if (before === after) return []
  const value = (v: unknown): string | null => (typeof v === 'string' ? v : v === undefined ? null : JSON.stringify(v))
  return [`signature of thinking block ${next.index}: ${signatureChange(value(before), value(after))}`]
}

// ---------- text ----------

function textChanges(base: Indexed[], next: Indexed[]): string[] {
  const baseTexts = base.filter((b) => blockText(b.block) !== null)
  const nextTexts = next.filter((n) => blockText(n.block) !== null)
  const single = baseTexts.length === 1 && nextTexts.length === 1
  const phrases: string[] = []
  const pairs = Math.min(baseTexts.length, nextTexts.length)
  for (let i = 0; i < pairs; i++) {
    const before = blockText(baseTexts[i].block) ?? ''
    const after = blockText(nextTexts[i].block) ?? ''
    if (before === after) continue
    const what = single ? 'text' : `text block ${nextTexts[i].index}`
    if (after.trim() === '') phrases.push(`${what} emptied`)
    else if (before.trim() === after.trim()) phrases.push(`${what}: whitespace changed`)
    else phrases.push(`${what} changed`)
  }
  for (const b of baseTexts.slice(pairs)) phrases.push(`text block ${b.index} removed`)
  for (const n of nextTexts.slice(pairs)) phrases.push(((blockText(n.block) ?? '').trim() === '' ? 'empty ' : '') + `text block ${n.index} added`)
  return phrases
}

// ---------- tool_use / tool_result (Anthropic) ----------

const TOOL_USE_TYPES = new Set(['tool_use', 'server_tool_use', 'mcp_tool_use'])

function toolUseChanges(base: Indexed[], next: Indexed[]): string[] {
  const before = base.filter((b) => TOOL_USE_TYPES.has(String(b.block.type)))
  const after = next.filter((n) => TOOL_USE_TYPES.has(String(n.block.type)))
  return pairedById(before, after, (b) => stringOr(b.block.id, ''), (id, b, n) => {
    const phrases: string[] = []
    const label = `${String(n.block.type)} ${id}`
    if (b.block.name !== n.block.name) phrases.push(`${label} renamed ${String(b.block.name)} → ${String(n.block.name)}`)
    if (json(b.block.input) !== json(n.block.input)) phrases.push(`${label} input changed`)
    return phrases
  }, (b) => `${String(b.block.type)} ${stringOr(b.block.id, '?')}`)
}

function toolResultChanges(base: Indexed[], next: Indexed[]): string[] {
  const idOf = (b: Indexed): string => stringOr(b.block.tool_use_id, '')
  const compare = (id: string, b: Indexed, n: Indexed): string[] => {
    const phrases: string[] = []
    if (json(b.block.content) !== json(n.block.content)) {
      const before = plainText(b.block.content)
      const after = plainText(n.block.content)
      if (before === after) phrases.push(`tool_result for ${id}: content form changed`)
      else phrases.push(`tool_result for ${id} content ${after.trim() === '' ? 'emptied' : 'changed'}`)
    }
    const wasError = Boolean(b.block.is_error)
    const isError = Boolean(n.block.is_error)
    if (wasError !== isError) phrases.push(`tool_result for ${id} is_error ${wasError} → ${isError}`)
    return phrases
  }
  return pairedById(ofType(base, 'tool_result'), ofType(next, 'tool_result'), idOf, compare, (b) => `tool_result for ${idOf(b) || '?'}`)
}

// ---------- other blocks, order ----------

const DESCRIBED_TYPES = new Set(['thinking', 'redacted_thinking', 'text', 'input_text', 'output_text', 'tool_result', ...TOOL_USE_TYPES])

function otherBlockChanges(base: Indexed[], next: Indexed[]): string[] {
  const types = new Set([...base, ...next].map((b) => String(b.block.type)).filter((t) => !DESCRIBED_TYPES.has(t)))
  return [...types].flatMap((type) => sameTypeChanges(type, base, next))
}

/** Blocks of one type paired in order: changed, removed, added. cache_control alone does not count. */
function sameTypeChanges(type: string, base: Indexed[], next: Indexed[]): string[] {
  const before = ofType(base, type)
  const after = ofType(next, type)
  const phrases: string[] = []
  const pairs = Math.min(before.length, after.length)
  for (let i = 0; i < pairs; i++) {
    const changed = json(withoutCacheControl(before[i].block)) !== json(withoutCacheControl(after[i].block))
    if (changed) phrases.push(`${type} block ${after[i].index} changed`)
  }
  for (const b of before.slice(pairs)) phrases.push(`${type} block ${b.index} removed`)
  for (const n of after.slice(pairs)) phrases.push(`${type} block ${n.index} added`)
  return phrases
}

function withoutCacheControl(block: JsonRecord): JsonRecord {
  if (!('cache_control' in block)) return block
  const { cache_control: _ignored, ...rest } = block
  return rest
}

function withoutCacheMarkers(message: JsonRecord): JsonRecord {
  const { cache_control: _ignored, ...rest } = message
  return Array.isArray(rest.content) ? { ...rest, content: rest.content.map((b) => (isRecord(b) ? withoutCacheControl(b) : b)) } : rest
}

function blockOrderChange(base: Indexed[], next: Indexed[], convertedText: Set<number>): string[] {
  if (base.length < 2 || convertedText.size > 0) return []
  const before = base.map((b) => String(b.block.type))
  const after = next.map((n) => String(n.block.type))
  if (before.join() === after.join() || [...before].sort().join() !== [...after].sort().join()) return []
  return [`block order changed: ${before.join(', ')} → ${after.join(', ')}`]
}
