import type { ExchangeSummary } from '@shared/types'
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
