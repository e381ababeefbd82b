import { useRef, useState } from 'react'
import { MIN_COLUMN_WIDTH } from './list-columns'
import './shared.css'

export interface HeadControls {
  sort: { key: string; dir: 'asc' | 'desc' } | null
  /** A click on a sortable column's title. */
  onSort(sortKey: string): void
  /** A column's edge dragged to a new width (px), saved on release. */
  onResize(id: string, width: number): void
  /** Right-click on the header: choose columns. */
  onMenu(e: React.MouseEvent): void
}

type HeadColumn = { id: string; title: string; align?: string; sortKey?: string; width: number }

// The header row and load error of a virtualized list: click a title to sort (again to reverse, a third time
// for arrival order), drag a column's right edge to resize it, right-click to choose the columns.
export function ListHead({ columns, grid, error, controls, onLiveResize }: { columns: readonly HeadColumn[]; grid: string; error: string | null; controls?: HeadControls; onLiveResize?(id: string, width: number | null): void }) {
  const drag = useRef<{ id: string; x: number; width: number } | null>(null)
  const [, setDragging] = useState(false)
  const startResize = (e: React.PointerEvent, c: HeadColumn) => {
    e.preventDefault()
    e.stopPropagation()
    const cell = (e.currentTarget as HTMLElement).parentElement
    drag.current = { id: c.id, x: e.clientX, width: cell?.getBoundingClientRect().width ?? c.width }
    setDragging(true)
    const widthAt = (x: number) => Math.max(MIN_COLUMN_WIDTH, Math.round(drag.current!.width + x - drag.current!.x))
    const move = (ev: PointerEvent) => onLiveResize?.(c.id, widthAt(ev.clientX))
    const up = (ev: PointerEvent) => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
      const width = widthAt(ev.clientX)
      drag.current = null
      setDragging(false)
      onLiveResize?.(c.id, null)
      controls?.onResize(c.id, width)
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
  }
  return (
    <>
      <div className="list-head" role="row" style={{ gridTemplateColumns: grid }} onContextMenu={controls?.onMenu} data-testid="list-head">
        {columns.map((c) => {
          const sorted = controls?.sort && c.sortKey === controls.sort.key ? controls.sort.dir : null
          return (
            <span
              key={c.id}
              role="columnheader"
              className={`cell${c.align ? ' num' : ''}`}
              data-column={c.id}
              aria-sort={c.sortKey && controls ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined}
              title={c.sortKey && controls ? `Sort by ${c.title.toLowerCase()}` : undefined}
              onClick={c.sortKey && controls ? () => controls.onSort(c.sortKey!) : undefined}
            >
              {c.title}
              {sorted && <span aria-hidden>{sorted === 'asc' ? ' ▲' : ' ▼'}</span>}
              {controls && <span className="col-resize" data-testid={`resize-${c.id}`} onPointerDown={(e) => startResize(e, c)} onClick={(e) => e.stopPropagation()} aria-hidden />}
            </span>
          )
        })}
      </div>
      {error && (
        <div className="list-error" role="alert">
          {error}
        </div>
      )}
    </>
  )
}
