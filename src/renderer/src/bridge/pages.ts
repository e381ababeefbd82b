// Loads list pages on demand as the virtual list scrolls. The tail of the list stays current through events;
// other pages are fetched once (and again after a resync).
import { getApi } from '../api/get-api'
import { useAppStore } from '../store/app-store'
import { exchangeSortOf } from '../store/list-view-slice'

export const PAGE_SIZE = 500
const MAX_IN_FLIGHT = 2

const fresh = new Set<number>()
const inFlight = new Set<number>()
let wanted: number[] = []
let generation = 0
let range: [number, number] = [0, 0]

/** The arguments of `exchanges:list` for the view shown now (filter, sort, the Clear mark, errors-only). */
export function exchangeListArgs() {
  const s = useAppStore.getState()
  return { filter: s.filter, sort: exchangeSortOf(s), since: s.clearedBefore, errorsOnly: s.errorsOnly, bodies: s.searchBodies }
}

/** The pages the rows in view live on. */
export function visiblePages(): number[] {
  const pages: number[] = []
  for (let p = Math.floor(range[0] / PAGE_SIZE); p <= Math.floor(range[1] / PAGE_SIZE); p++) pages.push(p)
  return pages
}

function needsLoad(page: number): boolean {
  if (inFlight.has(page)) return false
  const { slots, tailStart } = useAppStore.getState()
  const start = page * PAGE_SIZE
  const end = Math.min(start + PAGE_SIZE, slots.length)
  if (start >= end) return false
  for (let i = start; i < end; i++) if (slots[i] === undefined) return true
  return start < tailStart && !fresh.has(page)
}

/** The visible rows are [start, end]; fetch the pages they need, most recent request first. */
export function ensureRange(start: number, end: number): void {
  if (end < start) return
  range = [start, end]
  const first = Math.floor(start / PAGE_SIZE)
  const last = Math.floor(end / PAGE_SIZE)
  const next: number[] = []
  for (let p = first; p <= last; p++) if (needsLoad(p)) next.push(p)
  wanted = next
  pump()
}

function pump(): void {
  while (inFlight.size < MAX_IN_FLIGHT && wanted.length > 0) {
    const page = wanted.shift() as number
    if (!needsLoad(page)) continue
    void load(page)
  }
}

async function load(page: number): Promise<void> {
  const gen = generation
  inFlight.add(page)
  const store = useAppStore.getState()
  try {
    const result = await getApi()['exchanges:list']({ offset: page * PAGE_SIZE, limit: PAGE_SIZE, ...exchangeListArgs() })
    if (gen !== generation) return
    useAppStore.getState().applyListPage(result)
    fresh.add(page)
    store.setListError(null)
  } catch (err) {
    store.setListError(`Loading rows ${page * PAGE_SIZE}–${(page + 1) * PAGE_SIZE} failed: ${(err as Error).message}`)
  } finally {
    inFlight.delete(page)
    pump()
  }
}

/** After a reconnect: pages outside the tail may hold stale summaries. */
export function invalidatePages(): void {
  generation++
  fresh.clear()
  inFlight.clear()
  wanted = []
}

/**
 * Load the end of the list as the authoritative tail. Repeats (a few times) while the server reports more rows
 * than the page reached, which happens when exchanges arrive between the calls and their events are still queued.
 */
export async function loadTail(totalHint: number): Promise<void> {
  const list = getApi()['exchanges:list']
  let total = totalHint
  for (let attempt = 0; attempt < 3; attempt++) {
    const offset = Math.max(0, total - PAGE_SIZE)
    const page = await list({ offset, limit: PAGE_SIZE, ...exchangeListArgs() })
    useAppStore.getState().applyListPage(page, true)
    if (page.total <= page.offset + page.items.length) return
    total = page.total
  }
}
