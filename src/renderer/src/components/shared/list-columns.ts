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
