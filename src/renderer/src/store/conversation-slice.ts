import type { StateCreator } from 'zustand'
import type { ConversationDetail } from '@shared/types'
import type { AppStore } from './app-store'
import { idle, type Loadable } from './detail-slice'

export interface ConversationSlice {
  /** The conversation open below the conversation list. */
  conversationId: string | null
  conversation: Loadable<ConversationDetail | null>
  /** The request whose timeline is shown. */
  requestId: string | null
  /** The user picked the request; otherwise the view follows the conversation's focus as requests arrive. */
  requestPinned: boolean
  setConversationId(id: string | null): void
  setConversation(conversation: Loadable<ConversationDetail | null>): void
  setRequest(id: string | null, pinned: boolean): void
}

export const createConversationSlice: StateCreator<AppStore, [], [], ConversationSlice> = (set) => ({
  conversationId: null,
  conversation: idle(),
  requestId: null,
  requestPinned: false,
  setConversationId: (conversationId) =>
    set(
      conversationId === null
        ? { conversationId, conversation: idle(), requestId: null, requestPinned: false }
        : { conversationId }
    ),
  setConversation: (conversation) => set({ conversation }),
  setRequest: (requestId, requestPinned) => set({ requestId, requestPinned })
})
