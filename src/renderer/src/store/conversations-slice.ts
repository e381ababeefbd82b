import type { StateCreator } from 'zustand'
import type { ConversationSummary } from '@shared/types'
import { emptyConversations, mergeConversations, replaceConversations, type ConversationListState } from './conversation-list'
import type { AppStore } from './app-store'

export interface ConversationsSlice extends ConversationListState {
  /** The keyboard cursor in the conversation list. The open one is `conversationId` (conversation slice). */
  convSelectedId: string | null
  /** False until the first snapshot arrived. */
  convLoaded: boolean
  convListError: string | null
  applyConversations(items: ConversationSummary[]): void
  replaceConversations(items: ConversationSummary[]): void
  setConvSelected(id: string | null): void
  setConvListError(message: string | null): void
}

export const createConversationsSlice: StateCreator<AppStore, [], [], ConversationsSlice> = (set) => ({
  ...emptyConversations(),
  convSelectedId: null,
  convLoaded: false,
  convListError: null,
  applyConversations: (items) => set((s) => mergeConversations(s, items)),
  replaceConversations: (items) => set((s) => ({ ...replaceConversations(s, items), convLoaded: true })),
  setConvSelected: (convSelectedId) => set({ convSelectedId }),
  setConvListError: (convListError) => set({ convListError })
})
