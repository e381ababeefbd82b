import { create } from 'zustand'
import { createAnalysisSlice, type AnalysisSlice } from './analysis-slice'
import { createConversationSlice, type ConversationSlice } from './conversation-slice'
import { createConversationsSlice, type ConversationsSlice } from './conversations-slice'
import { createDetailSlice, type DetailSlice } from './detail-slice'
import { createExchangesSlice, type ExchangesSlice } from './exchanges-slice'
import { createListViewSlice, type ListViewSlice } from './list-view-slice'
import { createMinimizeSlice, type MinimizeSlice } from './minimize-slice'
import { createReplaySlice, type ReplaySlice } from './replay-slice'
import { createStatusSlice, type StatusSlice } from './status-slice'
import { createViewSlice, type ViewSlice } from './view-slice'

export type AppStore = ExchangesSlice &
  StatusSlice &
  DetailSlice &
  ViewSlice &
  ConversationsSlice &
  ConversationSlice &
  AnalysisSlice &
  ReplaySlice &
  MinimizeSlice &
  ListViewSlice

/** The one store, combined from typed slices. Actions that talk to the API live in ../bridge, not here. */
export const useAppStore = create<AppStore>()((...a) => ({
  ...createExchangesSlice(...a),
  ...createStatusSlice(...a),
  ...createDetailSlice(...a),
  ...createViewSlice(...a),
  ...createConversationsSlice(...a),
  ...createConversationSlice(...a),
  ...createAnalysisSlice(...a),
  ...createReplaySlice(...a),
  ...createMinimizeSlice(...a),
  ...createListViewSlice(...a)
}))

const initialState = useAppStore.getState()

/** Back to the first state (tests, a full resync). */
export function resetAppStore(): void {
  useAppStore.setState(initialState, true)
}
