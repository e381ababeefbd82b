import type { StateCreator } from 'zustand'
import type { ColumnSetting, ConversationSortKey, ExchangeSortKey, SortDir, UiSettings } from '@shared/list-query'
import type { BodySearchState } from '@shared/types'
import type { AppStore } from './app-store'

/** What the core said about the view it answered: "12 of 3,408", unreadable terms, the body search. */
export interface ViewInfo {
  total: number
  all: number
  problems: string[]
  bodySearch: BodySearchState | null
}

const NO_INFO: ViewInfo = { total: 0, all: 0, problems: [], bodySearch: null }

/**
 * How the lists are asked for: one filter for both views (as the issue asks), errors-only, bodies searched by
 * free text, the "Clear" mark, sorts and columns. All of it but the filter text is kept in ui.json by the core.
 */
export interface ListViewSlice {
  filter: string
  errorsOnly: boolean
  searchBodies: boolean
  clearedBefore: number
  exchangeSort: { key: ExchangeSortKey; dir: SortDir } | null
  conversationSort: { key: ConversationSortKey; dir: SortDir } | null
  newestFirst: boolean
  exchangeColumns: ColumnSetting[]
  conversationColumns: ColumnSetting[]
  exchangeInfo: ViewInfo
  conversationInfo: ViewInfo
  /** The shortcuts overlay (`?`). */
  helpOpen: boolean
  /** One line about the last action (copied, deleted, failed), shown until the next or dismissed. */
  notice: { tone: 'ok' | 'error'; text: string; at: number } | null
  /** The open context menu, at the pointer (or the focused row for the keyboard). */
  menu: { x: number; y: number; label: string; items: MenuItem[] } | null
  /** A question the user must answer first (delete). */
  confirm: { title: string; body: string; action: string; run(): void } | null
  setListView(patch: Partial<UiSettings> & { filter?: string }): void
  setExchangeInfo(info: ViewInfo): void
  setConversationInfo(info: ViewInfo): void
  setHelpOpen(open: boolean): void
  setNotice(notice: { tone: 'ok' | 'error'; text: string } | null): void
  setConfirm(confirm: ListViewSlice['confirm']): void
  setMenu(menu: ListViewSlice['menu']): void
}

export type MenuItem =
  | { kind?: 'item'; label: string; run(): void; testId?: string; disabled?: boolean; danger?: boolean; hint?: string }
  | { kind: 'check'; label: string; checked: boolean; toggle(): void; testId?: string }
  | { kind: 'separator' }

export const createListViewSlice: StateCreator<AppStore, [], [], ListViewSlice> = (set) => ({
  filter: '',
  errorsOnly: false,
  searchBodies: false,
  clearedBefore: 0,
  exchangeSort: null,
  conversationSort: null,
  newestFirst: false,
  exchangeColumns: [],
  conversationColumns: [],
  exchangeInfo: NO_INFO,
  conversationInfo: NO_INFO,
  helpOpen: false,
  notice: null,
  confirm: null,
  menu: null,
  setMenu: (menu) => set({ menu }),
  setNotice: (notice) => set({ notice: notice ? { ...notice, at: Date.now() } : null }),
  setConfirm: (confirm) => set({ confirm }),
  setListView: (patch) =>
    set((s) => ({
      filter: patch.filter ?? s.filter,
      errorsOnly: patch.errorsOnly ?? s.errorsOnly,
      searchBodies: patch.searchBodies ?? s.searchBodies,
      clearedBefore: patch.clearedBefore ?? s.clearedBefore,
      exchangeSort: patch.exchangeSort !== undefined ? patch.exchangeSort : s.exchangeSort,
      conversationSort: patch.conversationSort !== undefined ? patch.conversationSort : s.conversationSort,
      newestFirst: patch.newestFirst ?? s.newestFirst,
      exchangeColumns: patch.exchangeColumns ?? s.exchangeColumns,
      conversationColumns: patch.conversationColumns ?? s.conversationColumns
    })),
  setExchangeInfo: (exchangeInfo) => set({ exchangeInfo }),
  setConversationInfo: (conversationInfo) => set({ conversationInfo }),
  setHelpOpen: (helpOpen) => set({ helpOpen })
})

/** The sort the exchange list asks the core for: a clicked column, else arrival order (newest first or not). */
export function exchangeSortOf(s: Pick<ListViewSlice, 'exchangeSort' | 'newestFirst'>): { key: ExchangeSortKey; dir: SortDir } {
  return s.exchangeSort ?? { key: 'time', dir: s.newestFirst ? 'desc' : 'asc' }
}

/** The core's answer is the list in arrival order, which the live tail logic keeps current without asking again. */
export function isPlainExchangeView(s: Pick<ListViewSlice, 'filter' | 'errorsOnly' | 'clearedBefore' | 'exchangeSort' | 'newestFirst'>): boolean {
  const sort = exchangeSortOf(s)
  return s.filter.trim() === '' && !s.errorsOnly && s.clearedBefore === 0 && sort.key === 'time' && sort.dir === 'asc'
}

export function isPlainConversationView(s: Pick<ListViewSlice, 'filter' | 'errorsOnly' | 'conversationSort'>): boolean {
  return s.filter.trim() === '' && !s.errorsOnly && (s.conversationSort === null || (s.conversationSort.key === 'started' && s.conversationSort.dir === 'asc'))
}

/** A click on a sortable column: ascending, then descending, then back to arrival order. */
export function nextSort<K extends string>(current: { key: K; dir: SortDir }, key: K, arrival: { key: K; dir: SortDir }): { key: K; dir: SortDir } {
  if (current.key !== key) return { key, dir: 'asc' }
  if (current.dir === 'asc') return { key, dir: 'desc' }
  return key === arrival.key ? { key, dir: 'asc' } : arrival
}
