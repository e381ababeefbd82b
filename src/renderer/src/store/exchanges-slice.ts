import type { StateCreator } from 'zustand'
import type { ExchangeSummary, ListPage } from '@shared/types'
import { applyPage, applyUpserts, emptyList, type ListState } from './exchange-list'
import type { AppStore } from './app-store'

export interface ExchangesSlice extends ListState {
  /** The keyboard cursor in the list. The detail panel shows `openId` (detail slice). */
  selectedId: string | null
  listError: string | null
  applyListPage(page: ListPage, resetTail?: boolean): void
  applyUpserts(items: ExchangeSummary[]): void
  setSelected(id: string | null): void
  setListError(message: string | null): void
}

export const createExchangesSlice: StateCreator<AppStore, [], [], ExchangesSlice> = (set) => ({
  ...emptyList(),
  selectedId: null,
  listError: null,
  applyListPage: (page, resetTail = false) => set((s) => applyPage(s, page, resetTail)),
  applyUpserts: (items) => set((s) => applyUpserts(s, items)),
  setSelected: (id) => set({ selectedId: id }),
  setListError: (message) => set({ listError: message })
})
