// Calls that shape what the lists show: the exchange and conversation lists (filtered, sorted, paged), pins,
// and the UI's remembered arrangement (ui.json).
import { uiSettingsSchema } from '../../../shared/api'
import type { ExchangeSummary } from '../../../shared/types'
import type { Handlers } from '../handler-kit'
import type { UiState } from '../ui-state'
import type { ListQueries } from './list-queries'

export interface ViewHandlerDeps {
  lists: ListQueries
  ui: UiState
  /** The summaries of these exchanges as the list shows them now (for the upsert events of a pin). */
  summariesOf(ids: readonly string[]): ExchangeSummary[]
  upserted(summary: ExchangeSummary): void
}

export function viewHandlers({ lists, ui, summariesOf, upserted }: ViewHandlerDeps): Handlers<'exchanges:list' | 'conversations:list' | 'exchanges:pin' | 'ui:settings' | 'ui:save-settings'> {
  return {
    'exchanges:list': async (q) => lists.exchanges({ ...listDefaults(q), sort: q.sort ?? { key: 'time', dir: 'asc' }, since: q.since ?? 0 }),
    'conversations:list': async (q) => lists.conversations({ ...listDefaults(q), sort: q.sort ?? { key: 'started', dir: 'asc' } }),
    'exchanges:pin': async ({ ids, pinned }) => {
      const known = summariesOf(ids)
      const changed = ui.setPinned(
        known.map((s) => s.id),
        pinned
      )
      if (changed.length > 0) {
        lists.changed()
        // Every open UI updates the row (the upsert carries the pin, see the inspector's event wiring).
        for (const s of known) if (changed.includes(s.id)) upserted(s)
      }
      return { pinned: [...ui.pins] }
    },
    'ui:settings': async () => ui.getSettings(),
    'ui:save-settings': async (patch) => ui.saveSettings(uiSettingsSchema.parse(patch))
  }
}

/** What both lists' queries share, with the defaults of a query that leaves them out. */
function listDefaults(q: { offset: number; limit: number; filter?: string; errorsOnly?: boolean; bodies?: boolean }) {
  return { offset: q.offset, limit: q.limit, filter: q.filter ?? '', errorsOnly: q.errorsOnly ?? false, bodies: q.bodies ?? false }
}
