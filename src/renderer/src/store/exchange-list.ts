// Pure functions that keep the list in server order while pages and live events arrive in any order.
// Assumptions (from the contract): the server list is append-only and sorted by `seq`; `exchange:upserted` fires
// when an exchange starts and whenever it changes. Positions are the server's `exchanges:list` offsets.
// Relative import (not @shared) so Node-side tests can load this pure module without the renderer's aliases.
import type { ExchangeState, ExchangeSummary, ListPage } from '../../../shared/types'

export interface ListState {
  byId: Map<string, ExchangeSummary>
  /** Ids by position (server order, by seq). `undefined` = that page is not loaded yet. */
  slots: Array<string | undefined>
  /** From here to the end every slot is loaded and sorted by seq; new exchanges land in this region. */
  tailStart: number
}

export const emptyList = (): ListState => ({ byId: new Map(), slots: [], tailStart: 0 })

const STAGE: Record<ExchangeState, number> = { pending: 0, paused: 0, streaming: 1, completed: 2, failed: 2, aborted: 2 }

/** Of two snapshots of the same exchange, the later one: further along, or with more response bytes. */
export function newerSummary(a: ExchangeSummary, b: ExchangeSummary): ExchangeSummary {
  const sa = STAGE[a.state] ?? 0
  const sb = STAGE[b.state] ?? 0
  if (sa !== sb) return sb > sa ? b : a
  if (a.responseSize !== b.responseSize) return b.responseSize > a.responseSize ? b : a
  return b
}

/**
 * Apply one `exchanges:list` page. With `resetTail` the page is the authoritative end of the list (first snapshot,
 * resync after a reconnect): everything after it is dropped and comes back through events.
 */
export function applyPage(s: ListState, page: ListPage, resetTail = false): ListState {
  const byId = new Map(s.byId)
  const start = page.offset
  const end = start + page.items.length
  let slots: Array<string | undefined>
  let tailStart = s.tailStart
  if (resetTail) {
    slots = s.slots.slice(0, start)
    slots.length = start
    tailStart = start
  } else {
    slots = s.slots.slice()
    if (start > slots.length) tailStart = start
    else if (end >= tailStart) tailStart = Math.min(tailStart, start)
  }
  if (slots.length < end) slots.length = end
  for (let i = 0; i < page.items.length; i++) {
    const item = page.items[i]
    const prev = byId.get(item.id)
    byId.set(item.id, prev ? newerSummary(prev, item) : item)
    slots[start + i] = item.id
  }
  return { byId, slots, tailStart }
}

/** Apply a batch of live summaries: update known ones, place new ones by seq in the loaded tail. */
export function applyUpserts(s: ListState, items: ExchangeSummary[]): ListState {
  const byId = new Map(s.byId)
  let slots: Array<string | undefined> | null = null
  const tailStart = s.tailStart
  for (const item of items) {
    const prev = byId.get(item.id)
    byId.set(item.id, prev ? newerSummary(prev, item) : item)
    if (prev) continue
    slots ??= s.slots.slice()
    placeNew(slots, byId, tailStart, item)
  }
  return { byId, slots: slots ?? s.slots, tailStart }
}

function seqAt(slots: Array<string | undefined>, byId: Map<string, ExchangeSummary>, i: number): number {
  const id = slots[i]
  return id === undefined ? Number.NaN : (byId.get(id)?.seq ?? Number.NaN)
}

function placeNew(
  slots: Array<string | undefined>,
  byId: Map<string, ExchangeSummary>,
  tailStart: number,
  item: ExchangeSummary
): void {
  const len = slots.length
  if (len === 0) {
    slots.push(item.id)
    return
  }
  // Tail unknown (not loaded yet): the item stays in byId and gets its slot when its page loads.
  if (tailStart >= len) return
  const lastSeq = seqAt(slots, byId, len - 1)
  if (!(item.seq <= lastSeq)) {
    slots.push(item.id)
    return
  }
  // Out of order: find its place inside the loaded tail.
  let lo = tailStart
  let hi = len
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (seqAt(slots, byId, mid) < item.seq) lo = mid + 1
    else hi = mid
  }
  // Older than everything in the tail while older pages exist: it lives in a page we have not loaded.
  if (lo === tailStart && tailStart > 0) return
  slots.splice(lo, 0, item.id)
}

/** Position of an id in the list, or -1. Searches from the end, where live rows and selections usually are. */
export function indexOfId(slots: Array<string | undefined>, id: string): number {
  for (let i = slots.length - 1; i >= 0; i--) if (slots[i] === id) return i
  return -1
}

/**
 * A filtered or sorted view, as the core answered it: `pages` become the only loaded rows of a list of
 * `total`; summaries already known are kept where they are newer. New exchanges are not placed by the client
 * in such a view (the core decides where they go; the bridge asks again).
 */
export function replaceView(s: ListState, total: number, pages: readonly ListPage[], live = false): ListState {
  const byId = new Map(s.byId)
  const slots: Array<string | undefined> = new Array(total)
  for (const page of pages) {
    for (let i = 0; i < page.items.length; i++) {
      const item = page.items[i]
      const prev = byId.get(item.id)
      byId.set(item.id, prev ? newerSummary(prev, item) : item)
      if (page.offset + i < total) slots[page.offset + i] = item.id
    }
  }
  // Arrival order: the page that reaches the end is the live tail new exchanges are added to.
  const last = pages.find((p) => p.offset + p.items.length >= total)
  return { byId, slots, tailStart: live && last ? last.offset : total }
}

/** One more page of a filtered or sorted view (scrolling): placed where the core put it, the tail untouched. */
export function applyViewPage(s: ListState, page: ListPage): ListState {
  const byId = new Map(s.byId)
  const slots = s.slots.slice()
  for (let i = 0; i < page.items.length; i++) {
    const item = page.items[i]
    const prev = byId.get(item.id)
    byId.set(item.id, prev ? newerSummary(prev, item) : item)
    if (page.offset + i < slots.length) slots[page.offset + i] = item.id
  }
  return { byId, slots, tailStart: slots.length }
}

/** Live updates in a filtered or sorted view: known rows change in place; nothing is added. */
export function updateInPlace(s: ListState, items: ExchangeSummary[]): ListState {
  const byId = new Map(s.byId)
  for (const item of items) {
    const prev = byId.get(item.id)
    byId.set(item.id, prev ? newerSummary(prev, item) : item)
  }
  return { ...s, byId }
}

/** Deleted exchanges leave the list (and its positions close up). */
export function removeIds(s: ListState, ids: readonly string[]): ListState {
  const gone = new Set(ids)
  const byId = new Map(s.byId)
  for (const id of ids) byId.delete(id)
  let removedBeforeTail = 0
  const slots: Array<string | undefined> = []
  for (let i = 0; i < s.slots.length; i++) {
    const id = s.slots[i]
    if (id !== undefined && gone.has(id)) {
      if (i < s.tailStart) removedBeforeTail++
      continue
    }
    slots.push(id)
  }
  return { byId, slots, tailStart: Math.max(0, s.tailStart - removedBeforeTail) }
}
