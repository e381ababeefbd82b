// A virtualized list with a header row: the exchange list and the conversation list. Keys (arrows / j k, PageUp
// and PageDown, Home / End / g G, Enter opens, Esc closes) work on the list and, for j / k / Esc, anywhere outside
// a form field; it follows new rows while scrolled to the bottom and shows only the columns that fit.
import { useVirtualizer } from '@tanstack/react-virtual'
import { Fragment, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { hasModifier, isTypingTarget } from '../../lib/keys'
import { listKeyAction, type ListMove } from '../../lib/list-keys'
import { useAppStore } from '../../store/app-store'
import { fitColumns, gridOf, VisibleColumns, type ListColumn } from './list-columns'
import { ListHead, type HeadControls } from './list-head'
import { useKeepInView } from './use-keep-in-view'
import './shared.css'

export const ROW_HEIGHT = 22
export const HEAD_HEIGHT = 23
/** The height a list needs to show `count` rows (the split pane gives it no more). */
export const listContentHeight = (count: number): number => HEAD_HEIGHT + Math.max(count, 3) * ROW_HEIGHT + 2

export interface ListKeyHandlers {
  /** Moves the selection; returns the index to scroll to. */
  move(to: ListMove): number | null
  open(): void
  close(): void
}

interface Props extends ListKeyHandlers {
  label: string
  testId: string
  columns: readonly ListColumn[]
  count: number
  error: string | null
  /** Shown above the rows when there are none. */
  empty?: ReactNode
  selectedIndex(): number
  /** The rows now in view (the exchange list loads pages on demand). */
  onRange?(first: number, last: number): void
  row(index: number, top: number, height: number, key: React.Key): ReactNode
  /** Sort, resize and choose columns from the header. */
  head?: HeadControls
  /** Keys of this list beyond moving and opening (delete, pin, the menu key); true when handled. */
  extraKey?(e: React.KeyboardEvent): boolean
}

export function VirtualList({ label, testId, columns: chosen, count, error, empty, selectedIndex, onRange, row, move, open, close, head, extraKey }: Props) {
  // While a column's edge is dragged, its width follows the pointer; it is saved on release.
  const [resizing, setResizing] = useState<{ id: string; width: number } | null>(null)
  const columns = useMemo(() => (resizing ? chosen.map((c) => (c.id === resizing.id ? { ...c, width: resizing.width } : c)) : chosen), [chosen, resizing])
  const scroller = useRef<HTMLDivElement>(null)
  const atBottom = useRef(true)
  const [width, setWidth] = useState(0)

  const virtualizer = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 })
  const items = virtualizer.getVirtualItems()
  const first = items.length ? items[0].index : 0
  const last = items.length ? items[items.length - 1].index : -1

  useEffect(() => {
    if (onRange && last >= 0) onRange(first, last)
  }, [first, last, count])

  // Follow new rows while the list is scrolled to the bottom. Coming back to this view (or an "open" jump from
  // elsewhere), show the selected row instead.
  const firstLayout = useRef(true)
  useLayoutEffect(() => {
    if (count === 0) return
    const at = firstLayout.current ? selectedIndex() : -1
    firstLayout.current = false
    if (at >= 0 && at < count - 1) {
      atBottom.current = false
      virtualizer.scrollToIndex(at, { align: 'center' })
    } else if (atBottom.current) virtualizer.scrollToIndex(count - 1, { align: 'end' })
  }, [count, virtualizer])

  useKeepInView(scroller, virtualizer, { rowHeight: ROW_HEIGHT, count: () => count, selectedIndex, atBottom })

  // The columns that fit follow the list's width (a narrow window, the replay panel docked beside).
  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    const observer = new ResizeObserver(() => setWidth(el.clientWidth))
    observer.observe(el)
    setWidth(el.clientWidth)
    return () => observer.disconnect()
  }, [])
  const shown = useMemo(() => (width > 0 ? fitColumns(columns, width - 12) : [...columns]), [columns, width])
  const grid = gridOf(shown)
  const ids = useMemo(() => shown.map((c) => c.id), [shown])

  useEffect(() => {
    scroller.current?.focus({ preventScroll: true })
  }, [])

  // j / k / Esc also work while focus is elsewhere (the detail panel, tabs), except in form fields.
  const handlers = useRef({ move, close })
  handlers.current = { move, close }
  useEffect(() => {
    const onWindowKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || hasModifier(e)) return
      if (scroller.current?.contains(e.target as Node) || isTypingTarget(e.target)) return
      let index: number | null = null
      if (e.key === 'j') index = handlers.current.move(1)
      else if (e.key === 'k') index = handlers.current.move(-1)
      else if (e.key === 'Escape' && !useAppStore.getState().setupOpen) handlers.current.close()
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

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (extraKey?.(e)) {
      e.preventDefault()
      return
    }
    if (hasModifier(e)) return
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1)
    const action = listKeyAction(e.key, page)
    if (!action) return
    let index: number | null = null
    if ('move' in action) index = move(action.move)
    else if ('open' in action) open()
    else {
      // Esc belongs to the setup panel while it is open.
      if (useAppStore.getState().setupOpen) return
      close()
    }
    e.preventDefault()
    if (index !== null) virtualizer.scrollToIndex(index, { align: 'auto' })
  }

  return (
    <div className="list" role="grid" aria-rowcount={count} aria-label={label}>
      <ListHead columns={shown} grid={grid} error={error} controls={head} onLiveResize={(id, width) => setResizing(width === null ? null : { id, width })} />
      {count === 0 && !error && empty}
      <div className="list-scroll" ref={scroller} tabIndex={0} onScroll={onScroll} onKeyDown={onKeyDown} data-testid={testId} style={{ '--grid': grid } as React.CSSProperties}>
        <VisibleColumns.Provider value={ids}>
          <div className="list-canvas" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => row(item.index, item.start, item.size, item.key))}
          </div>
        </VisibleColumns.Provider>
      </div>
    </div>
  )
}

/** The cells of a row, in the order of the columns shown now. */
export function ShownCells({ cells }: { cells: Record<string, ReactNode> }) {
  const ids = useContext(VisibleColumns)
  return ids.map((id) => <Fragment key={id}>{cells[id]}</Fragment>)
}
