// Columns of the virtualized lists: which fit at the list's width. The least important columns go first, so a
// narrow window or a docked replay panel never cuts a column in half.
import { createContext } from 'react'

export interface ListColumn {
  id: string
  title: string
  /** Fixed width in px, or the minimum of the one flexible column (it takes the rest). */
  width: number
  flex?: boolean
  align?: 'right'
  /** 0 is always shown; higher numbers are dropped first when the list is narrow. */
  priority: number
  /** The core's sort key for this column; none = not sortable. */
  sortKey?: string
}

/** What the user chose for a column (ui.json): its width, or hidden. */
export interface ColumnChoice {
  id: string
  width?: number
  hidden?: boolean
}

export const MIN_COLUMN_WIDTH = 40

/** The columns with the user's widths, without the hidden ones (the always-shown ones cannot be hidden). */
export function arrangeColumns(columns: readonly ListColumn[], choices: readonly ColumnChoice[]): ListColumn[] {
  const byId = new Map(choices.map((c) => [c.id, c]))
  return columns
    .filter((c) => c.priority === 0 || !byId.get(c.id)?.hidden)
    .map((c) => {
      const width = byId.get(c.id)?.width
      return width ? { ...c, width: Math.max(MIN_COLUMN_WIDTH, width) } : c
    })
}

/** One column's choice changed; the others kept. */
export function chooseColumn(choices: readonly ColumnChoice[], id: string, patch: Omit<ColumnChoice, 'id'>): ColumnChoice[] {
  const found = choices.some((c) => c.id === id)
  return found ? choices.map((c) => (c.id === id ? { ...c, ...patch } : c)) : [...choices, { id, ...patch }]
}

/** The columns that fit in `width` px, in their order. */
export function fitColumns(columns: readonly ListColumn[], width: number): ListColumn[] {
  const shown = [...columns]
  const total = () => shown.reduce((n, c) => n + c.width, 0)
  while (total() > width) {
    const drop = shown.reduce<ListColumn | null>((worst, c) => (c.priority > 0 && (!worst || c.priority >= worst.priority) ? c : worst), null)
    if (!drop) break
    shown.splice(shown.indexOf(drop), 1)
  }
  return shown
}

export const gridOf = (columns: readonly ListColumn[]): string => columns.map((c) => (c.flex ? `minmax(${c.width}px, 1fr)` : `${c.width}px`)).join(' ')

/** The ids of the columns shown now; rows render only these cells. */
export const VisibleColumns = createContext<readonly string[]>([])
