// What the reduction steps pass around. A candidate shares every untouched subtree with the body it came
// from (nothing is ever mutated), so building one costs the path it changes, not a deep copy of megabytes.
import { isRecord, type JsonRecord } from '../../protocols/json'

export type Protocol = 'anthropic' | 'openai'

/** What was removed or shortened so far (messages are told by `origIndex`). */
export interface Done {
  blocks: number
  tools: number
  texts: number
  system: number
  params: readonly string[]
}

/**
 * The request being shrunk, where each of its messages sat in the original, and what is gone. A candidate
 * is a State too: the searches build many from one base, so each carries its own total rather than a delta.
 */
export interface State {
  body: JsonRecord
  origIndex: readonly number[]
  done: Done
}

export type Candidate = State

export const NOTHING_DONE: Done = { blocks: 0, tools: 0, texts: 0, system: 0, params: [] }

/** A candidate from `base`: its new body and messages, and what this step removed on top of base's. */
export function derive(base: State, body: JsonRecord, origIndex: readonly number[], step: Partial<Done>): Candidate {
  const d = base.done
  const done: Done = {
    blocks: d.blocks + (step.blocks ?? 0),
    tools: d.tools + (step.tools ?? 0),
    texts: d.texts + (step.texts ?? 0),
    system: d.system + (step.system ?? 0),
    params: step.params ? [...d.params, ...step.params] : d.params
  }
  return { body, origIndex, done }
}

export function messagesOf(body: JsonRecord): readonly unknown[] {
  return Array.isArray(body.messages) ? body.messages : []
}

export function recordAt(list: readonly unknown[], index: number): JsonRecord | null {
  const v = list[index]
  return isRecord(v) ? v : null
}

export function roleAt(list: readonly unknown[], index: number): string | null {
  const role = recordAt(list, index)?.role
  return typeof role === 'string' ? role : null
}

/** A copy of `value` with `path` set to `next`, copying only the objects and arrays along the path. */
export function setIn(value: unknown, path: readonly (string | number)[], next: unknown): unknown {
  if (path.length === 0) return next
  const [head, ...rest] = path
  if (Array.isArray(value) && typeof head === 'number') {
    const copy = value.slice()
    copy[head] = setIn(value[head], rest, next)
    return copy
  }
  if (isRecord(value) && typeof head === 'string') return { ...value, [head]: setIn(value[head], rest, next) }
  return value
}

export function getIn(value: unknown, path: readonly (string | number)[]): unknown {
  let v = value
  for (const key of path) {
    if (Array.isArray(v) && typeof key === 'number') v = v[key]
    else if (isRecord(v) && typeof key === 'string') v = v[key]
    else return undefined
  }
  return v
}

/** `body` without some top-level keys. */
export function without(body: JsonRecord, keys: readonly string[]): JsonRecord {
  const copy = { ...body }
  for (const k of keys) delete copy[k]
  return copy
}
