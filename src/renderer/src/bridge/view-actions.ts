// Switching the main view, and jumps between the two views.
import { useAppStore } from '../store/app-store'
import type { MainView } from '../store/view-slice'
import { syncAnalysis } from './analysis-actions'
import { openConversation } from './conversation-actions'
import { openExchange, selectTab } from './detail-actions'

export function setMainView(view: MainView): void {
  if (useAppStore.getState().mainView === view) return
  useAppStore.getState().setMainView(view)
  syncAnalysis()
}

/** Open a conversation in the conversations view (from an exchange, an import, a fork marker). */
export function showConversation(id: string, requestId?: string): void {
  setMainView('conversations')
  openConversation(id, requestId)
}

/** Open an exchange in the exchanges view, optionally on a given tab. */
export function showExchange(id: string, tab?: 'request' | 'response' | 'diagnosis'): void {
  setMainView('exchanges')
  openExchange(id)
  if (tab) selectTab(tab)
}
