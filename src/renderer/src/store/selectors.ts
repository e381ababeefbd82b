import type { ConversationSummary, ExchangeSummary } from '@shared/types'
import type { AppStore } from './app-store'

export const selectCount = (s: AppStore): number => s.slots.length
export const selectSummaryAt =
  (index: number) =>
  (s: AppStore): ExchangeSummary | undefined => {
    const id = s.slots[index]
    return id === undefined ? undefined : s.byId.get(id)
  }
export const selectOpenSummary = (s: AppStore): ExchangeSummary | undefined =>
  s.openId === null ? undefined : s.byId.get(s.openId)

export const selectConversationAt =
  (index: number) =>
  (s: AppStore): ConversationSummary | undefined => {
    const id = s.convIds[index]
    return id === undefined ? undefined : s.convById.get(id)
  }
