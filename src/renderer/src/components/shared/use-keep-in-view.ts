import type { Virtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type RefObject } from 'react'

/**
 * When a list's viewport changes height (a detail opens below it, the divider moves), keep what the user was
 * looking at: the end of the list while it follows new rows (and the selected row is among the last ones),
 * else the selected row.
 */
export function useKeepInView(
  scroller: RefObject<HTMLDivElement | null>,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  opts: { rowHeight: number; count: () => number; selectedIndex: () => number; atBottom: RefObject<boolean> }
): void {
  const latest = useRef(opts)
  latest.current = opts
  useEffect(() => {
    const el = scroller.current
    if (!el) return
    let height = el.clientHeight
    const observer = new ResizeObserver(() => {
      if (el.clientHeight === height) return
      height = el.clientHeight
      const { rowHeight, count, selectedIndex, atBottom } = latest.current
      const n = count()
      if (n === 0) return
      const selected = selectedIndex()
      const rows = Math.max(1, Math.floor(height / rowHeight))
      if (atBottom.current && (selected < 0 || selected >= n - rows)) virtualizer.scrollToIndex(n - 1, { align: 'end' })
      else if (selected >= 0) virtualizer.scrollToIndex(selected, { align: 'auto' })
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [scroller, virtualizer])
}
