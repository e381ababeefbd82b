// Pure helpers for the request timeline: the rows the virtual list shows, how findings map onto messages and
// blocks, and height estimates so a 1,000-message timeline opens (and jumps) without measuring every row.
// Relative import (not @shared) so Node-side tests can load this pure module without the renderer's aliases.
import type { Diagnosis, Finding, RequestView, TimelineBlock, TimelineMessage } from '../../../shared/types'

export type TimelineRow = { kind: 'system'; text: string } | { kind: 'message'; message: TimelineMessage }

export function timelineRows(view: RequestView): TimelineRow[] {
  const rows: TimelineRow[] = []
  if (view.system !== null) rows.push({ kind: 'system', text: view.system })
  for (const message of view.messages) rows.push({ kind: 'message', message })
  return rows
}

/** Row of a message index (messages keep their API index even if the array had holes). */
export function rowOfMessage(rows: readonly TimelineRow[], messageIndex: number): number {
  const offset = rows[0]?.kind === 'system' ? 1 : 0
  const guess = rows[messageIndex + offset]
  if (guess?.kind === 'message' && guess.message.index === messageIndex) return messageIndex + offset
  return rows.findIndex((r) => r.kind === 'message' && r.message.index === messageIndex)
}

/**
 * The API's own index of a block, as findings count it: Anthropic `content[i]`; OpenAI `tool_calls[i]` (other
 * OpenAI parts — reasoning_content, content — have none).
 */
export function apiBlockIndex(protocol: RequestView['protocol'], message: TimelineMessage, position: number): number | null {
  if (protocol === 'anthropic') return position
  if (message.blocks[position]?.type !== 'tool_call') return null
  let n = 0
  for (let i = 0; i < position; i++) if (message.blocks[i].type === 'tool_call') n++
  return n
}

/** Position in `message.blocks` of a finding's block index, or null. */
export function blockPosition(protocol: RequestView['protocol'], message: TimelineMessage, blockIndex: number | null): number | null {
  if (blockIndex === null) return null
  if (protocol === 'anthropic') return blockIndex < message.blocks.length ? blockIndex : null
  let n = 0
  for (let i = 0; i < message.blocks.length; i++) {
    if (message.blocks[i].type !== 'tool_call') continue
    if (n === blockIndex) return i
    n++
  }
  return null
}

/** Where a block lives in the request body, as a person reads it: `content[2]`, `tool_calls[0]`, `reasoning_content`. */
export function blockLabel(protocol: RequestView['protocol'], message: TimelineMessage, position: number): string {
  const block = message.blocks[position]
  if (protocol === 'anthropic') return message.contentIsString ? 'content' : `content[${position}]`
  if (!block) return `#${position}`
  switch (block.type) {
    case 'tool_call':
      return `tool_calls[${apiBlockIndex(protocol, message, position)}]`
    case 'reasoning':
      return 'reasoning_content'
    default: {
      if (message.contentIsString || message.role === 'tool') return 'content'
      const first = message.blocks.findIndex((b) => b.type !== 'reasoning')
      return `content[${position - Math.max(0, first)}]`
    }
  }
}

export interface MessageMarks {
  /** Findings that point at this message, worst first. */
  findings: Finding[]
  culprit: boolean
  /** Position in `blocks` of the culprit block, when the culprit names one. */
  culpritBlock: number | null
}

const RANK = { error: 0, warning: 1, info: 2 } as const

/** Findings grouped by message index, plus where the culprit is. */
export function markMessages(view: RequestView, diagnosis: Diagnosis | null): Map<number, MessageMarks> {
  const marks = new Map<number, MessageMarks>()
  if (!diagnosis) return marks
  const byIndex = new Map(view.messages.map((m) => [m.index, m]))
  const get = (i: number): MessageMarks => {
    let m = marks.get(i)
    if (!m) marks.set(i, (m = { findings: [], culprit: false, culpritBlock: null }))
    return m
  }
  for (const f of diagnosis.findings) if (f.messageIndex !== null) get(f.messageIndex).findings.push(f)
  for (const m of marks.values()) m.findings.sort((a, b) => RANK[a.severity] - RANK[b.severity])
  const c = diagnosis.culprit
  if (c) {
    const m = get(c.messageIndex)
    m.culprit = true
    const message = byIndex.get(c.messageIndex)
    m.culpritBlock = message ? blockPosition(view.protocol, message, c.blockIndex) : null
  }
  return marks
}

/** The finding the culprit stands for (same rule, same place), else the first of its rule. */
export function culpritFinding(diagnosis: Diagnosis): Finding | null {
  const c = diagnosis.culprit
  if (!c) return null
  return (
    diagnosis.findings.find((f) => f.rule === c.rule && f.messageIndex === c.messageIndex && f.blockIndex === c.blockIndex) ??
    diagnosis.findings.find((f) => f.rule === c.rule && f.messageIndex === c.messageIndex) ??
    diagnosis.findings.find((f) => f.rule === c.rule) ??
    null
  )
}

// ---------- folding and height estimates ----------

/** Collapsed text shows at most this much. */
export const FOLD_CHARS = 900
export const FOLD_LINES = 10
export const FOLD_JSON_LINES = 12

/** Where to cut a text for its folded view, or null when it fits. */
export function foldCut(text: string, chars = FOLD_CHARS, lines = FOLD_LINES): number | null {
  let at = -1
  for (let n = 0; n < lines; n++) {
    at = text.indexOf('\n', at + 1)
    if (at === -1 || at > chars) break
  }
  const cut = at !== -1 && at <= chars ? at : chars
  return text.length > cut ? cut : null
}

const LINE = 19
const HEAD = 24

function lineCount(text: string, max: number): number {
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1 && n < max; i = text.indexOf('\n', i + 1)) n++
  return n
}

function estimateBlock(block: TimelineBlock, open: boolean, width: number): number {
  const perLine = Math.max(40, Math.floor(width / 7.5))
  const textHeight = (text: string) => {
    const shown = open ? text.slice(0, 20_000) : text.slice(0, FOLD_CHARS)
    const lines = Math.min(open ? 2000 : FOLD_LINES, lineCount(shown, 2000) + Math.floor(shown.length / perLine))
    return lines * LINE + 10
  }
  switch (block.type) {
    case 'thinking':
      return HEAD + 8 + (open ? textHeight(block.thinking) : 0)
    case 'reasoning':
      return HEAD + 8 + (open ? textHeight(block.text) : 0)
    case 'text':
      return HEAD + 8 + textHeight(block.text)
    case 'tool_result':
      return HEAD + 8 + textHeight(block.text)
    case 'tool_use':
    case 'tool_call':
      return HEAD + 18 + Math.min(open ? 400 : FOLD_JSON_LINES, 3 + Math.ceil((block.type === 'tool_use' ? block.inputJson : block.arguments).length / 60)) * 17
    default:
      return HEAD + 12
  }
}

/** Estimated pixel height of a row; the virtual list measures the real one once it is drawn. */
export function estimateRow(row: TimelineRow, isOpen: (position: number) => boolean, width: number): number {
  if (row.kind === 'system') return 34
  let h = HEAD + 14
  row.message.blocks.forEach((b, i) => (h += estimateBlock(b, isOpen(i), width) + 4))
  return h
}

/**
 * What a finding says is absent from a message, drawn as an empty placeholder where it belongs: the thinking
 * block (Anthropic) or `reasoning_content` (OpenAI) that a replayed tool turn must carry. Null when nothing is.
 */
export function missingPart(protocol: RequestView['protocol'], message: TimelineMessage, findings: readonly Finding[]): string | null {
  const about = findings.some((f) => /reasoning-passback-missing|thinking-first-in-tool-turn/.test(f.rule))
  if (!about) return null
  if (protocol === 'anthropic') {
    const first = message.blocks[0]?.type
    return first === 'thinking' || first === 'redacted_thinking' ? null : 'thinking'
  }
  const reasoning = message.blocks.find((b) => b.type === 'reasoning')
  return reasoning && reasoning.type === 'reasoning' && reasoning.text !== '' ? null : 'reasoning_content'
}
