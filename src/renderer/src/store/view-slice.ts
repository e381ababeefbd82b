import type { StateCreator } from 'zustand'
import type { ImportResult } from '@shared/types'
import type { AppStore } from './app-store'

export type MainView = 'exchanges' | 'conversations'

/** A file import, from reading it to the core's answer. */
export type ImportState =
  | { status: 'idle' }
  | { status: 'reading'; name: string; loaded: number; total: number }
  | { status: 'importing'; name: string; size: number }
  | { status: 'done'; name: string; result: ImportResult }
  | { status: 'error'; name: string; error: string }

export interface ViewSlice {
  mainView: MainView
  importState: ImportState
  setMainView(view: MainView): void
  setImportState(state: ImportState): void
}

export const createViewSlice: StateCreator<AppStore, [], [], ViewSlice> = (set) => ({
  mainView: 'exchanges',
  importState: { status: 'idle' },
  setMainView: (mainView) => set({ mainView }),
  setImportState: (importState) => set({ importState })
})
