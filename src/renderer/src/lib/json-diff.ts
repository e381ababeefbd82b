// Structural JSON diff (jsondiffpatch) turned into rows a person scans: one per added, removed, changed or moved
// value, each with its path in the body (`messages[1].content[0]`). Array items are matched by identity, not
// position, so a block inserted at the front reads as one insertion instead of every later block "changed".
import { create, type Delta } from 'jsondiffpatch'

export type DiffRow =
  | { kind: 'added'; path: string; value: unknown }
  | { kind: 'removed'; path: string; value: unknown }
  | { kind: 'changed'; path: string; from: unknown; to: unknown }
  | { kind: 'moved'; path: string; to: string }

const SNIPPET = 80

function textKey(o: Record<string, unknown>): string {
  if (typeof o.content === 'string') return o.content.slice(0, SNIPPET)
  for (const k of ['text', 'thinking', 'reasoning_content']) if (typeof o[k] === 'string') return (o[k] as string).slice(0, SNIPPET)
  if (Array.isArray(o.content)) {
    for (const b of o.content) if (b && typeof b === 'object') {
      const t = textKey(b as Record<string, unknown>)
      if (t) return t
    }
  }
  return ''
}

function toolIds(o: Record<string, unknown>): string {
  const ids: string[] = []
  if (typeof o.tool_call_id === 'string') ids.push(o.tool_call_id)
  if (Array.isArray(o.tool_calls)) for (const c of o.tool_calls) if (c && typeof (c as { id?: unknown }).id === 'string') ids.push((c as { id: string }).id)
  if (Array.isArray(o.content))
    for (const b of o.content) {
      const r = b as Record<string, unknown> | null
      if (r && typeof r.id === 'string') ids.push(r.id)
      if (r && typeof r.tool_use_id === 'string') ids.push(r.tool_use_id)
    }
  return ids.join(',')
}

/**
 * What makes two array items "the same item" across the two bodies: a message by its role and its tool ids or
 * the start of its text (so editing one of its blocks is a change inside it); a block by its type and id or
 * text; a tool by its name; anything else by its whole value.
 */
export function identity(item: object): string {
  if (Array.isArray(item)) return JSON.stringify(item)
  const o = item as Record<string, unknown>
  if (typeof o.role === 'string') return `m:${o.role}:${toolIds(o) || textKey(o)}`
  if (typeof o.type === 'string') {
    const id = typeof o.id === 'string' ? o.id : typeof o.tool_use_id === 'string' ? o.tool_use_id : textKey(o)
    return `b:${o.type}:${id}:${typeof o.name === 'string' ? o.name : ''}`
  }
  if (typeof o.id === 'string') return `id:${o.id}`
  if (typeof o.name === 'string') return `n:${o.name}`
  const fn = o.function as { name?: unknown } | undefined
  if (fn && typeof fn.name === 'string') return `f:${fn.name}`
  return JSON.stringify(o)
}

const differ = create({ objectHash: identity, arrays: { detectMove: true, includeValueOnMove: false }, cloneDiffValues: false })

export function diffJson(left: unknown, right: unknown): Delta {
  return differ.diff(left, right)
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  if (IDENT.test(key)) return path ? `${path}.${key}` : key
  return `${path}[${JSON.stringify(key)}]`
}

/** The delta as rows, in body order. */
export function diffRows(delta: Delta): DiffRow[] {
  const rows: DiffRow[] = []
  if (delta !== undefined) walk(delta, '', rows)
  return rows
}

function walk(delta: Delta, path: string, rows: DiffRow[]): void {
  if (delta === undefined) return
  if (Array.isArray(delta)) {
    if (delta.length === 1) rows.push({ kind: 'added', path: path || '(body)', value: delta[0] })
    else if (delta.length === 2) rows.push({ kind: 'changed', path: path || '(body)', from: delta[0], to: delta[1] })
    else if (delta[2] === 0) rows.push({ kind: 'removed', path: path || '(body)', value: delta[0] })
    else if (delta[2] === 2) rows.push({ kind: 'changed', path, from: '(text diff)', to: delta[0] })
    return
  }
  const d = delta as Record<string, Delta> & { _t?: string }
  if (d._t === 'a') {
    const items: Array<{ at: number; order: number; run: () => void }> = []
    for (const key of Object.keys(d)) {
      if (key === '_t') continue
      if (key.startsWith('_')) {
        const from = Number(key.slice(1))
        const item = d[key] as unknown[]
        if (item[2] === 3) {
          const to = item[1] as number
          items.push({ at: to, order: 0, run: () => rows.push({ kind: 'moved', path: join(path, from), to: join(path, to) }) })
        } else items.push({ at: from, order: 0, run: () => rows.push({ kind: 'removed', path: join(path, from), value: item[0] }) })
      } else {
        const at = Number(key)
        items.push({ at, order: 1, run: () => walk(d[key], join(path, at), rows) })
      }
    }
    items.sort((a, b) => a.at - b.at || a.order - b.order)
    for (const item of items) item.run()
    return
  }
  for (const key of Object.keys(d)) walk(d[key], join(path, key), rows)
}

/** The structural diff of two JSON texts, or why there is none (`notJson`: what to say when one does not parse). */
export function bodyRows(original: string, sent: string, notJson = 'the bodies are not JSON, so they cannot be compared structurally'): DiffRow[] | string {
  try {
    return diffRows(diffJson(JSON.parse(original), JSON.parse(sent)))
  } catch {
    return original === sent ? [] : notJson
  }
}
