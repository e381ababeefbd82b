// Structured edits from the timeline, which shows the ORIGINAL request, applied to the editor's CURRENT text.
// The model remembers what the timeline's own actions did (messages deleted, blocks deleted or moved, texts
// set) so a later action on the original's message #7 names the right index in the edited text; and before
// each action the editor's JSON is checked to still have the shape the model expects (a fix or a hand edit
// may have changed it), so an action never lands on the wrong message.
// Units are what the core's delete-block / move-block index: Anthropic `content` blocks, OpenAI `tool_calls`.
// Relative import (not @shared) so Node-side checks can load this pure module without the renderer's aliases.
import type { EditOp, RequestView, TimelineMessage } from '../../../shared/types'

type Protocol = RequestView['protocol']

export interface EditModel {
  /** False once the editor holds text the timeline does not describe (a minimized body). */
  live: boolean
  messageCount: number
  /** Original message indices deleted from the editor's text. */
  deleted: ReadonlySet<number>
  /** Touched messages: their original unit indices in the current order (deleted ones left out). */
  units: ReadonlyMap<number, readonly number[]>
  /** Texts set from the timeline, by `message:position` (original indices). */
  texts: ReadonlyMap<string, string>
}

export class EditPlanError extends Error {}

export function freshModel(messageCount: number, live = true): EditModel {
  return { live, messageCount, deleted: new Set(), units: new Map(), texts: new Map() }
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i)

export function unitCount(protocol: Protocol, m: TimelineMessage): number {
  return protocol === 'anthropic' ? m.blocks.length : m.blocks.filter((b) => b.type === 'tool_call').length
}

/** The unit a timeline position is, or null (OpenAI reasoning_content and content are not units). */
export function unitOf(protocol: Protocol, m: TimelineMessage, position: number): number | null {
  if (protocol === 'anthropic') return position < m.blocks.length ? position : null
  if (m.blocks[position]?.type !== 'tool_call') return null
  let n = 0
  for (let i = 0; i < position; i++) if (m.blocks[i].type === 'tool_call') n++
  return n
}

export function currentUnits(model: EditModel, protocol: Protocol, m: TimelineMessage): readonly number[] {
  return model.units.get(m.index) ?? range(unitCount(protocol, m))
}

/** The message's index in the editor's text now, or null when it was deleted. */
export function currentMessage(model: EditModel, original: number): number | null {
  if (model.deleted.has(original)) return null
  let shift = 0
  for (const d of model.deleted) if (d < original) shift++
  return original - shift
}

export interface BlockMark {
  deleted: boolean
  /** Where the block is now, when a move put it elsewhere (`content[2]`). */
  movedTo: number | null
  edited: boolean
}

export function blockMark(model: EditModel, protocol: Protocol, m: TimelineMessage, position: number): BlockMark | null {
  const edited = model.texts.has(`${m.index}:${position}`)
  const unit = unitOf(protocol, m, position)
  const order = model.units.get(m.index)
  if (unit === null || !order) return edited ? { deleted: false, movedTo: null, edited } : null
  const now = order.indexOf(unit)
  if (now === -1) return { deleted: true, movedTo: null, edited }
  // Where it would be if only deletions had happened; anywhere else means a move took it there.
  let deletedBefore = 0
  for (let u = 0; u < unit; u++) if (!order.includes(u)) deletedBefore++
  const movedTo = now !== unit - deletedBefore ? now : null
  if (!edited && movedTo === null) return null
  return { deleted: false, movedTo, edited }
}

function requireLive(model: EditModel): void {
  if (!model.live) throw new EditPlanError('the editor holds a different request (a minimized one): make this change in the JSON')
}

function requireMessage(model: EditModel, m: TimelineMessage): number {
  requireLive(model)
  const now = currentMessage(model, m.index)
  if (now === null) throw new EditPlanError(`message #${m.index} is already deleted in the editor`)
  return now
}

export interface Plan {
  op: EditOp
  model: EditModel
}

export function planDeleteMessage(model: EditModel, m: TimelineMessage): Plan {
  const now = requireMessage(model, m)
  const deleted = new Set(model.deleted)
  deleted.add(m.index)
  return { op: { op: 'delete-message', message: now }, model: { ...model, deleted } }
}

function withUnits(model: EditModel, message: number, order: number[]): EditModel {
  const units = new Map(model.units)
  units.set(message, order)
  return { ...model, units }
}

export function planDeleteBlock(model: EditModel, protocol: Protocol, m: TimelineMessage, position: number): Plan {
  const now = requireMessage(model, m)
  const unit = unitOf(protocol, m, position)
  if (unit === null) throw new EditPlanError(protocol === 'openai' ? 'only tool calls can be deleted as blocks in OpenAI format: edit this field in the JSON' : 'no such block')
  const order = [...currentUnits(model, protocol, m)]
  const at = order.indexOf(unit)
  if (at === -1) throw new EditPlanError('this block is already deleted in the editor')
  order.splice(at, 1)
  return { op: { op: 'delete-block', message: now, block: at }, model: withUnits(model, m.index, order) }
}

export function planMoveBlock(model: EditModel, protocol: Protocol, m: TimelineMessage, position: number, by: -1 | 1): Plan {
  const now = requireMessage(model, m)
  const unit = unitOf(protocol, m, position)
  if (unit === null) throw new EditPlanError('only blocks (Anthropic) and tool calls (OpenAI) can be moved')
  const order = [...currentUnits(model, protocol, m)]
  const from = order.indexOf(unit)
  if (from === -1) throw new EditPlanError('this block is deleted in the editor')
  const to = from + by
  if (to < 0 || to >= order.length) throw new EditPlanError(by < 0 ? 'this block is already first' : 'this block is already last')
  order.splice(from, 1)
  order.splice(to, 0, unit)
  return { op: { op: 'move-block', message: now, from, to }, model: withUnits(model, m.index, order) }
}

const TEXT_TYPES = new Set(['text', 'thinking', 'tool_result', 'reasoning'])

/** Whether the timeline offers "edit text" for a block (the core's set-text mapping). */
export function canSetText(protocol: Protocol, m: TimelineMessage, position: number): boolean {
  const block = m.blocks[position]
  if (!block || !TEXT_TYPES.has(block.type)) return false
  return protocol === 'anthropic' || block.type !== 'tool_result' || m.role === 'tool'
}

export function planSetText(model: EditModel, protocol: Protocol, m: TimelineMessage, position: number, text: string): Plan {
  const now = requireMessage(model, m)
  if (!canSetText(protocol, m, position)) throw new EditPlanError('this block has no text to set: edit it in the JSON')
  let block = position
  if (protocol === 'anthropic') {
    const at = currentUnits(model, protocol, m).indexOf(position)
    if (at === -1) throw new EditPlanError('this block is deleted in the editor')
    block = at
  }
  const texts = new Map(model.texts)
  texts.set(`${m.index}:${position}`, text)
  return { op: { op: 'set-text', message: now, block, text }, model: { ...model, texts } }
}

/** The text "edit text" starts from: what the timeline set last, else the original's. */
export function blockText(model: EditModel, m: TimelineMessage, position: number): string {
  const set = model.texts.get(`${m.index}:${position}`)
  if (set !== undefined) return set
  const b = m.blocks[position]
  if (!b) return ''
  if (b.type === 'text' || b.type === 'reasoning' || b.type === 'tool_result') return b.text
  if (b.type === 'thinking') return b.thinking
  return ''
}

/**
 * Does the editor's JSON still have the shape the model expects around this message? Returns the problem in
 * one line, or null. (Counts only: cheap, and enough to catch a fix that inserted a block or a hand edit that
 * removed a message.)
 */
export function shapeProblem(model: EditModel, protocol: Protocol, body: unknown, m: TimelineMessage): string | null {
  const messages = (body as { messages?: unknown } | null)?.messages
  if (!Array.isArray(messages)) return 'the editor\'s text has no "messages" array'
  const expected = model.messageCount - model.deleted.size
  const stale = 'a fix or a hand edit changed it: make this change in the JSON, or Reset the editor'
  if (messages.length !== expected) return `the editor's text has ${messages.length} messages where the timeline expects ${expected} (${stale})`
  const now = currentMessage(model, m.index)
  if (now === null) return null
  const msg = messages[now] as Record<string, unknown> | undefined
  if (!msg || typeof msg !== 'object') return `message ${now} in the editor is not an object (${stale})`
  if (m.role && msg.role !== m.role) return `message ${now} in the editor is a ${String(msg.role)} message, not ${m.role} (${stale})`
  const units = currentUnits(model, protocol, m).length
  const actual =
    protocol === 'anthropic'
      ? typeof msg.content === 'string'
        ? 1
        : Array.isArray(msg.content)
          ? msg.content.length
          : 0
      : Array.isArray(msg.tool_calls)
        ? msg.tool_calls.length
        : 0
  if (actual !== units) return `message ${now} in the editor has ${actual} ${protocol === 'anthropic' ? 'blocks' : 'tool calls'} where the timeline expects ${units} (${stale})`
  return null
}
