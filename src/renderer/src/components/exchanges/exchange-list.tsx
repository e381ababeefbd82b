import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useLayoutEffect, useRef } from 'react'
import { closeDetail } from '../../bridge/detail-actions'
import { moveSelection, openSelected } from '../../bridge/list-actions'
import { ensureRange } from '../../bridge/pages'
import { indexOfId } from '../../store/exchange-list'
import { useAppStore } from '../../store/app-store'
import { COLUMNS, GRID_TEMPLATE } from './exchange-columns'
import { ExchangeRow } from './exchange-row'
import { useKeepInView } from '../shared/use-keep-in-view'
import { ListHead } from '../shared/list-head'
import { useListKeys } from '../shared/use-list-keys'

const ROW_HEIGHT = 22

export function ExchangeList() {
  const count = useAppStore((s) => s.slots.length)
  const listError = useAppStore((s) => s.listError)
  const scroller = useRef<HTMLDivElement>(null)
  const atBottom = useRef(true)

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8
  })
  const items = virtualizer.getVirtualItems()
  const first = items.length ? items[0].index : 0
  const last = items.length ? items[items.length - 1].index : -1

  useEffect(() => {
    if (last >= 0) ensureRange(first, last)
  }, [first, last, count])

  // Follow new rows while the list is scrolled to the bottom. Coming back from the conversations view (or an
  // "open exchange" jump), show the selected row instead.
  const firstLayout = useRef(true)
  useLayoutEffect(() => {
    if (count === 0) return
    const s = useAppStore.getState()
    const at = firstLayout.current && s.selectedId !== null ? indexOfId(s.slots, s.selectedId) : -1
    firstLayout.current = false
    if (at >= 0 && at < count - 1) {
      atBottom.current = false
      virtualizer.scrollToIndex(at, { align: 'center' })
    } else if (atBottom.current) virtualizer.scrollToIndex(count - 1, { align: 'end' })
  }, [count, virtualizer])

  useKeepInView(scroller, virtualizer, {
    rowHeight: ROW_HEIGHT,
    count: () => useAppStore.getState().slots.length,
    selectedIndex: () => {
      const s = useAppStore.getState()
      return s.selectedId === null ? -1 : indexOfId(s.slots, s.selectedId)
    },
    atBottom
  })

  useEffect(() => {
    scroller.current?.focus({ preventScroll: true })
  }, [])

  // j / k / Enter / Escape also work while focus is elsewhere (detail panel, tabs), except in form fields.
  useEffect(() => {
    const onWindowKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return
      const target = e.target as HTMLElement | null
      if (target && (scroller.current?.contains(target) || target.closest('input, textarea, select, [contenteditable]'))) return
      let index: number | null = null
      if (e.key === 'j') index = moveSelection(1)
      else if (e.key === 'k') index = moveSelection(-1)
      else if (e.key === 'Escape' && !useAppStore.getState().setupOpen) closeDetail()
      else return
      e.preventDefault()
      if (index !== null) virtualizer.scrollToIndex(index, { align: 'auto' })
    }
    window.addEventListener('keydown', onWindowKey)
    return () => window.removeEventListener('keydown', onWindowKey)
  }, [virtualizer])

  const onScroll = () => {
    const el = scroller.current
    // The virtualizer knows the total height; reading scrollHeight here would force a layout on every scroll event.
    if (el) atBottom.current = virtualizer.getTotalSize() - el.scrollTop - el.clientHeight < ROW_HEIGHT * 1.5
  }

  const onKeyDown = useListKeys(scroller, virtualizer, ROW_HEIGHT, { move: moveSelection, open: openSelected, close: closeDetail })

  return (
    <div className="list" role="grid" aria-rowcount={count} aria-label="Exchanges">
      <ListHead columns={COLUMNS} grid={GRID_TEMPLATE} error={listError} />
      <div
        className="list-scroll"
        ref={scroller}
        tabIndex={0}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        data-testid="exchange-list"
        style={{ '--grid': GRID_TEMPLATE } as React.CSSProperties}
      >
        <div className="list-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => (
            <ExchangeRow key={item.key} index={item.index} top={item.start} height={item.size} />
          ))}
        </div>
      </div>
    </div>
  )
}
