import { create } from 'zustand'
import { createDetailSlice, type DetailSlice } from './detail-slice'
import { createExchangesSlice, type ExchangesSlice } from './exchanges-slice'
import { createStatusSlice, type StatusSlice } from './status-slice'

export type AppStore = ExchangesSlice & StatusSlice & DetailSlice

/** The one store, combined from typed slices. Actions that talk to the API live in ../bridge, not here. */
export const useAppStore = create<AppStore>()((...a) => ({
  ...createExchangesSlice(...a),
  ...createStatusSlice(...a),
  ...createDetailSlice(...a)
}))

const initialState = useAppStore.getState()

/** Back to the first state (tests, a full resync). */
export function resetAppStore(): void {
  useAppStore.setState(initialState, true)
}
