// Header controls of both lists, saved in ui.json: sort by a column, its width, which columns show.
import type { ColumnSetting, ConversationSortKey, ExchangeSortKey } from '@shared/list-query'
import { updateListView } from '../../bridge/list-view-actions'
import { useAppStore } from '../../store/app-store'
import { exchangeSortOf, nextSort, type MenuItem } from '../../store/list-view-slice'
import { chooseColumn, type ListColumn } from '../shared/list-columns'
import type { HeadControls } from '../shared/list-head'
import { openMenu } from './context-menu'

function columnMenu(all: readonly ListColumn[], choices: ColumnSetting[], save: (next: ColumnSetting[]) => void): MenuItem[] {
  const hidden = new Set(choices.filter((c) => c.hidden).map((c) => c.id))
  return [
    ...all.map(
      (c): MenuItem =>
        c.priority === 0
          ? { label: `${c.title} (always shown)`, disabled: true, run: () => undefined }
          : { kind: 'check', label: c.title, checked: !hidden.has(c.id), testId: `column-${c.id}`, toggle: () => save((choices = chooseColumn(choices, c.id, { hidden: !choices.find((x) => x.id === c.id)?.hidden }))) }
    ),
    { kind: 'separator' },
    { label: 'Reset columns', testId: 'columns-reset', run: () => save([]) }
  ]
}

export function exchangeHead(all: readonly ListColumn[]): HeadControls {
  const s = useAppStore.getState()
  const sort = exchangeSortOf(s)
  const arrival = { key: 'time' as ExchangeSortKey, dir: s.newestFirst ? ('desc' as const) : ('asc' as const) }
  return {
    sort,
    onSort: (key) => {
      const next = nextSort(sort, key as ExchangeSortKey, arrival)
      updateListView({ exchangeSort: next, ...(next.key === 'time' ? { newestFirst: next.dir === 'desc' } : {}) })
    },
    onResize: (id, width) => updateListView({ exchangeColumns: chooseColumn(useAppStore.getState().exchangeColumns, id, { width }) }),
    onMenu: (e) => openMenu(e, 'Columns', columnMenu(all, useAppStore.getState().exchangeColumns, (next) => updateListView({ exchangeColumns: next })))
  }
}

export function conversationHead(all: readonly ListColumn[]): HeadControls {
  const s = useAppStore.getState()
  const arrival = { key: 'started' as ConversationSortKey, dir: 'asc' as const }
  const sort = s.conversationSort ?? arrival
  return {
    sort: s.conversationSort,
    onSort: (key) => updateListView({ conversationSort: nextSort(sort, key as ConversationSortKey, arrival) }),
    onResize: (id, width) => updateListView({ conversationColumns: chooseColumn(useAppStore.getState().conversationColumns, id, { width }) }),
    onMenu: (e) => openMenu(e, 'Columns', columnMenu(all, useAppStore.getState().conversationColumns, (next) => updateListView({ conversationColumns: next })))
  }
}
