import type { StateCreator } from 'zustand'
import type { MinimizeOutcome, MinimizeProgress, MinimizeStatus } from '@shared/types'
import type { AppStore } from './app-store'

export type MinimizeMode = 'upstream' | 'predicted'

export interface MinimizeRun {
  exchangeId: string
  /** null until the core answered `repro:minimize`. */
  jobId: string | null
  state: 'starting' | MinimizeStatus['state']
  mode: MinimizeMode
  budget: number
  /** The last progress seen (the final status carries none). */
  progress: MinimizeProgress | null
  result: MinimizeOutcome | null
  message: string | null
}

export interface ExportState {
  exchangeId: string
  status: 'busy' | 'done' | 'error'
  message: string | null
}

export interface MinimizeSlice {
  /** The exchange whose minimize panel is open. */
  minimizeOpenFor: string | null
  minimize: MinimizeRun | null
  /** Why the last start was refused (a missing key, nothing to predict). */
  minimizeError: string | null
  exportState: ExportState | null
  setMinimizeOpenFor(id: string | null): void
  setMinimize(run: MinimizeRun | null): void
  setMinimizeError(message: string | null): void
  setExportState(state: ExportState | null): void
}

export const createMinimizeSlice: StateCreator<AppStore, [], [], MinimizeSlice> = (set) => ({
  minimizeOpenFor: null,
  minimize: null,
  minimizeError: null,
  exportState: null,
  setMinimizeOpenFor: (minimizeOpenFor) => set({ minimizeOpenFor, minimizeError: null }),
  setMinimize: (minimize) => set({ minimize }),
  setMinimizeError: (minimizeError) => set({ minimizeError }),
  setExportState: (exportState) => set({ exportState })
})
