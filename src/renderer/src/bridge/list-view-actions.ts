// The lists as the user shaped them: the filter (shared by both views), errors-only, bodies, the "Clear" mark,
// sort and columns. Everything but the filter text is saved in ui.json through the core. A filtered or sorted
// view is the core's answer and is asked for again when anything changes (throttled); the plain view keeps its
// live tail from events (bridge/start.ts).
import type { UiSettings } from '@shared/list-query'
import type { ConversationSummary, ListPage } from '@shared/types'
import { getApi } from '../api/get-api'
import { useAppStore } from '../store/app-store'
import { isPlainConversationView, isPlainExchangeView, type ViewInfo } from '../store/list-view-slice'
import { loadConversations } from './conversation-list-actions'
import { exchangeListArgs, invalidatePages, PAGE_SIZE, visiblePages } from './pages'

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))

function conversationListArgs() {
  const s = useAppStore.getState()
  return { filter: s.filter, sort: s.conversationSort ?? undefined, errorsOnly: s.errorsOnly, bodies: s.searchBodies }
}

export const infoOf = (page: ListPage | { total: number; all?: number; problems?: string[]; bodySearch?: ViewInfo['bodySearch'] }): ViewInfo => ({
  total: page.total,
  all: page.all ?? page.total,
  problems: page.problems ?? [],
  bodySearch: page.bodySearch ?? null
})

/** What the user arranged last time (ui.json); a core without it leaves the defaults. */
export async function loadListSettings(): Promise<void> {
  try {
    useAppStore.getState().setListView(await getApi()['ui:settings'](null))
  } catch {
    // An older core: defaults.
  }
}

/** Change the view (anything but the filter text) and remember it. */
export function updateListView(patch: UiSettings): void {
  useAppStore.getState().setListView(patch)
  void getApi()
    ['ui:save-settings'](patch)
    .catch((err: unknown) => useAppStore.getState().setListError(`Saving the list settings failed: ${message(err)}`))
  void refreshLists()
}

let filterTimer: ReturnType<typeof setTimeout> | null = null

/** The filter as it is typed: the lists follow a moment after the last key. */
export function setFilterText(text: string, now = false): void {
  useAppStore.getState().setListView({ filter: text })
  if (filterTimer !== null) clearTimeout(filterTimer)
  filterTimer = setTimeout(
    () => {
      filterTimer = null
      void refreshLists()
    },
    now ? 0 : 150
  )
}

export function refreshLists(): Promise<void> {
  return Promise.all([reloadExchangeView(), reloadConversationView()]).then(() => undefined)
}

let exchangeToken = 0

/** Ask the core for the exchange list as it is to be shown now, keeping the rows in view loaded. */
export async function reloadExchangeView(): Promise<void> {
  const token = ++exchangeToken
  invalidatePages()
  const s = useAppStore.getState()
  const plain = isPlainExchangeView(s)
  const args = exchangeListArgs()
  const list = getApi()['exchanges:list']
  try {
    const first = await list({ offset: 0, limit: PAGE_SIZE, ...args })
    const pages = [first]
    // The live view keeps its tail; a core view the pages now in view.
    const more = plain ? (first.total > PAGE_SIZE ? [Math.floor((first.total - 1) / PAGE_SIZE)] : []) : visiblePages().filter((p) => p > 0 && p * PAGE_SIZE < first.total)
    pages.push(...(await Promise.all(more.map((p) => list({ offset: p * PAGE_SIZE, limit: PAGE_SIZE, ...args })))))
    if (token !== exchangeToken) return
    const total = Math.max(...pages.map((p) => p.total))
    const store = useAppStore.getState()
    store.replaceListView(total, pages, plain ? 'live' : 'view')
    const info = infoOf(pages[pages.length - 1])
    store.setExchangeInfo(info)
    store.setListError(null)
    untilSearched(info)
  } catch (err) {
    if (token === exchangeToken) useAppStore.getState().setListError(`Loading the list failed: ${message(err)}`)
  }
}

let conversationToken = 0
const CONVERSATION_PAGE = 5000

export async function reloadConversationView(): Promise<void> {
  const token = ++conversationToken
  const s = useAppStore.getState()
  if (isPlainConversationView(s)) {
    await loadConversations()
    if (token === conversationToken) useAppStore.getState().setConversationInfo({ total: useAppStore.getState().convIds.length, all: useAppStore.getState().convIds.length, problems: [], bodySearch: null })
    return
  }
  const args = conversationListArgs()
  try {
    const items: ConversationSummary[] = []
    let last: Awaited<ReturnType<ReturnType<typeof getApi>['conversations:list']>> | null = null
    for (let offset = 0; ; offset += CONVERSATION_PAGE) {
      last = await getApi()['conversations:list']({ offset, limit: CONVERSATION_PAGE, ...args })
      items.push(...last.items)
      if (last.items.length === 0 || offset + last.items.length >= last.total) break
    }
    if (token !== conversationToken) return
    useAppStore.getState().setConversationView(items)
    const info = infoOf(last)
    useAppStore.getState().setConversationInfo(info)
    useAppStore.getState().setConvListError(null)
    untilSearched(info)
  } catch (err) {
    if (token === conversationToken) useAppStore.getState().setConvListError(`Loading conversations failed: ${message(err)}`)
  }
}

let refreshTimer: ReturnType<typeof setTimeout> | null = null

/** Something a filtered or sorted view may show changed (an event, search results): ask again, ≤ 4 times a second. */
export function scheduleListRefresh(): void {
  if (refreshTimer !== null) return
  refreshTimer = setTimeout(() => {
    refreshTimer = null
    const s = useAppStore.getState()
    if (s.listMode === 'view' || s.exchangeInfo.bodySearch) void reloadExchangeView()
    if (s.convMode === 'view' || s.conversationInfo.bodySearch) void reloadConversationView()
  }, 250)
}

/**
 * A view whose body search is still running asks again until it is done. Its result events alone are not
 * enough: they travel on the event channel and may all arrive before the list answer that says a search runs,
 * and then nothing would ask again (the count stayed at "0 of 10" with the hit found).
 */
function untilSearched(info: ViewInfo): void {
  if (info.bodySearch && !info.bodySearch.done && !info.bodySearch.cancelled && !info.bodySearch.error) scheduleListRefresh()
}

/** Stop the body searches the filter started; the rows found so far stay. */
export async function stopBodySearch(): Promise<void> {
  const s = useAppStore.getState()
  const ids = new Set([...(s.exchangeInfo.bodySearch?.searchIds ?? []), ...(s.conversationInfo.bodySearch?.searchIds ?? [])])
  await Promise.all([...ids].map((searchId) => getApi()['exchanges:search-cancel']({ searchId }).catch(() => null)))
  await refreshLists()
}

/** "Clear" (DevTools): hide what is listed now; it stays on disk and "Show all" brings it back. */
export function clearList(): void {
  let max = 0
  for (const summary of useAppStore.getState().byId.values()) max = Math.max(max, summary.seq)
  updateListView({ clearedBefore: max + 1 })
}

export function showAll(): void {
  updateListView({ clearedBefore: 0 })
}
