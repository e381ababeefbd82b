import { useMemo } from 'react'
import { closeDetail } from '../../bridge/detail-actions'
import { setPinned } from '../../bridge/exchange-ops'
import { moveSelection, openSelected } from '../../bridge/list-actions'
import { ensureRange } from '../../bridge/pages'
import { indexOfId } from '../../store/exchange-list'
import { useAppStore } from '../../store/app-store'
import { exchangeHead } from '../list-tools/column-controls'
import { openMenu } from '../list-tools/context-menu'
import { confirmDelete, exchangeMenu } from '../list-tools/exchange-menu'
import { arrangeColumns } from '../shared/list-columns'
import { VirtualList } from '../shared/virtual-list'
import { COLUMNS } from './exchange-columns'
import { ExchangeRow } from './exchange-row'

const selectedIndex = (): number => {
  const s = useAppStore.getState()
  return s.selectedId === null ? -1 : indexOfId(s.slots, s.selectedId)
}

/** Delete (asks first), p pins, Shift+F10 or the menu key opens the row's menu beside it. */
function rowKey(e: React.KeyboardEvent): boolean {
  const s = useAppStore.getState()
  const id = s.selectedId
  if (!id) return false
  if (e.key === 'Delete' && !e.ctrlKey && !e.metaKey && !e.altKey) {
    confirmDelete([id])
    return true
  }
  if (e.key === 'p' && !e.ctrlKey && !e.metaKey && !e.altKey) {
    void setPinned([id], !s.byId.get(id)?.pinned)
    return true
  }
  if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
    const row = document.querySelector(`[data-testid="exchange-row"][data-id="${CSS.escape(id)}"]`)
    const r = row?.getBoundingClientRect()
    openMenu({ clientX: (r?.left ?? 0) + 40, clientY: r?.bottom ?? 0, preventDefault: () => e.preventDefault() }, 'Exchange', exchangeMenu(id))
    return true
  }
  return false
}

export function ExchangeList() {
  const count = useAppStore((s) => s.slots.length)
  const listError = useAppStore((s) => s.listError)
  const narrowed = useAppStore((s) => s.listMode === 'view')
  const choices = useAppStore((s) => s.exchangeColumns)
  // Re-made when the sort or the columns change, so the header shows them.
  const sort = useAppStore((s) => s.exchangeSort)
  const newestFirst = useAppStore((s) => s.newestFirst)
  const columns = useMemo(() => arrangeColumns(COLUMNS, choices), [choices])
  const head = useMemo(() => exchangeHead(COLUMNS), [sort, newestFirst, choices])
  return (
    <VirtualList
      label="Exchanges"
      testId="exchange-list"
      columns={columns}
      count={count}
      error={listError}
      empty={
        narrowed && (
          <div className="notice muted list-empty" data-testid="exchanges-empty">
            No exchange matches. Edit the filter, turn off Errors only, or Show all.
          </div>
        )
      }
      selectedIndex={selectedIndex}
      onRange={ensureRange}
      move={moveSelection}
      open={openSelected}
      close={closeDetail}
      head={head}
      extraKey={rowKey}
      row={(index, top, height, key) => <ExchangeRow key={key} index={index} top={top} height={height} />}
    />
  )
}
