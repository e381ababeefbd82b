import type { StateCreator } from 'zustand'
import type { ConversationSummary } from '@shared/types'
import { conversationView, emptyConversations, mergeConversations, replaceConversations, updateConversationsInPlace, type ConversationListState } from './conversation-list'
import type { AppStore } from './app-store'

export interface ConversationsSlice extends ConversationListState {
  /** The keyboard cursor in the conversation list. The open one is `conversationId` (conversation slice). */
  convSelectedId: string | null
  /** False until the first snapshot arrived. */
  convLoaded: boolean
  convListError: string | null
  /** 'view': filtered or sorted by the core (see the exchanges slice). */
  convMode: 'live' | 'view'
  setConversationView(items: ConversationSummary[]): void
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
  convMode: 'live',
  setConversationView: (items) => set({ ...conversationView(items), convLoaded: true, convMode: 'view' }),
  applyConversations: (items) => set((s) => (s.convMode === 'view' ? updateConversationsInPlace(s, items) : mergeConversations(s, items))),
  replaceConversations: (items) => set((s) => ({ ...replaceConversations(s.convMode === 'view' ? emptyConversations() : s, items), convLoaded: true, convMode: 'live' })),
  setConvSelected: (convSelectedId) => set({ convSelectedId }),
  setConvListError: (convListError) => set({ convListError })
})
