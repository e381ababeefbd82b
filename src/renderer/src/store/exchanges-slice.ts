import type { StateCreator } from 'zustand'
import type { ExchangeSummary, ListPage } from '@shared/types'
import { applyPage, applyUpserts, applyViewPage, emptyList, removeIds, replaceView, updateInPlace, type ListState } from './exchange-list'
import type { AppStore } from './app-store'

export interface ExchangesSlice extends ListState {
  /** The keyboard cursor in the list. The detail panel shows `openId` (detail slice). */
  selectedId: string | null
  listError: string | null
  /** 'live': arrival order, kept current from events; 'view': filtered or sorted by the core, asked again on change. */
  listMode: 'live' | 'view'
  applyListPage(page: ListPage, resetTail?: boolean): void
  applyUpserts(items: ExchangeSummary[]): void
  replaceListView(total: number, pages: ListPage[], mode: 'live' | 'view'): void
  removeExchanges(ids: string[]): void
  setSelected(id: string | null): void
  setListError(message: string | null): void
}

export const createExchangesSlice: StateCreator<AppStore, [], [], ExchangesSlice> = (set) => ({
  ...emptyList(),
  selectedId: null,
  listError: null,
  listMode: 'live',
  applyListPage: (page, resetTail = false) => set((s) => (s.listMode === 'view' ? applyViewPage(s, page) : applyPage(s, page, resetTail))),
  applyUpserts: (items) => set((s) => (s.listMode === 'view' ? updateInPlace(s, items) : applyUpserts(s, items))),
  replaceListView: (total, pages, listMode) => set((s) => ({ ...replaceView(s, total, pages, listMode === 'live'), listMode })),
  removeExchanges: (ids) => set((s) => ({ ...removeIds(s, ids), selectedId: s.selectedId !== null && ids.includes(s.selectedId) ? null : s.selectedId })),
  setSelected: (id) => set({ selectedId: id }),
  setListError: (message) => set({ listError: message })
})
