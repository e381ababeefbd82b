import { closeDetail } from '../../bridge/detail-actions'
import { moveSelection, openSelected } from '../../bridge/list-actions'
import { ensureRange } from '../../bridge/pages'
import { indexOfId } from '../../store/exchange-list'
import { useAppStore } from '../../store/app-store'
import { VirtualList } from '../shared/virtual-list'
import { COLUMNS } from './exchange-columns'
import { ExchangeRow } from './exchange-row'

const selectedIndex = (): number => {
  const s = useAppStore.getState()
  return s.selectedId === null ? -1 : indexOfId(s.slots, s.selectedId)
}

export function ExchangeList() {
  const count = useAppStore((s) => s.slots.length)
  const listError = useAppStore((s) => s.listError)
  return (
    <VirtualList
      label="Exchanges"
      testId="exchange-list"
      columns={COLUMNS}
      count={count}
      error={listError}
      selectedIndex={selectedIndex}
      onRange={ensureRange}
      move={moveSelection}
      open={openSelected}
      close={closeDetail}
      row={(index, top, height, key) => <ExchangeRow key={key} index={index} top={top} height={height} />}
    />
  )
}
