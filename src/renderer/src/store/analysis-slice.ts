import type { StateCreator } from 'zustand'
import type { Diagnosis, RequestView, TurnDiff } from '@shared/types'
import type { AppStore } from './app-store'
import { idle, type Loadable } from './detail-slice'

/** Where the timeline should scroll; `nonce` makes a repeated jump to the same place scroll again. */
export interface TimelineTarget {
  messageIndex: number
  blockIndex: number | null
  nonce: number
}

export interface AnalysisSlice {
  /** The one request whose timeline, diagnosis and turn diff are held (the visible one), or null. */
  analysisId: string | null
  requestView: Loadable<RequestView | null>
  diagnosis: Loadable<Diagnosis | null>
  /** Idle when not asked for (successful requests). */
  turnDiff: Loadable<TurnDiff | null>
  target: TimelineTarget | null
  setAnalysisId(id: string | null): void
  setRequestView(view: Loadable<RequestView | null>): void
  setDiagnosis(diagnosis: Loadable<Diagnosis | null>): void
  setTurnDiff(diff: Loadable<TurnDiff | null>): void
  setTarget(target: TimelineTarget | null): void
}

export const createAnalysisSlice: StateCreator<AppStore, [], [], AnalysisSlice> = (set) => ({
  analysisId: null,
  requestView: idle(),
  diagnosis: idle(),
  turnDiff: idle(),
  target: null,
  setAnalysisId: (analysisId) =>
    set({ analysisId, requestView: idle(), diagnosis: idle(), turnDiff: idle(), target: null }),
  setRequestView: (requestView) => set({ requestView }),
  setDiagnosis: (diagnosis) => set({ diagnosis }),
  setTurnDiff: (turnDiff) => set({ turnDiff }),
  setTarget: (target) => set({ target })
})
