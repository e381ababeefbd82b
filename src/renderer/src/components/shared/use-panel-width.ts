import { useCallback, useEffect, useState } from 'react'

const KEY = 'mimo-inspector.replay-width'
const MIN = 420
/** What the view beside the panel keeps at least; below MIN + MAIN_MIN the panel covers the view instead. */
const MAIN_MIN = 480

function clamp(w: number): number {
  return Math.round(Math.max(MIN, Math.min(w, window.innerWidth - MAIN_MIN)))
}

const isOverlay = (): boolean => window.innerWidth < MIN + MAIN_MIN

/**
 * The replay panel's width: dragged by its left edge (or arrow keys on it), remembered. In a window too narrow
 * for the panel and a usable view beside it, the panel covers the view (`overlay`) at full width.
 */
export function usePanelWidth(): {
  width: number
  overlay: boolean
  onResizeStart: (e: React.PointerEvent<HTMLElement>) => void
  onResizeKey: (e: React.KeyboardEvent<HTMLElement>) => void
} {
  const saved = (): number => {
    const w = Number(localStorage.getItem(KEY))
    return w > 0 ? w : window.innerWidth * 0.42
  }
  const [width, setWidth] = useState(() => clamp(saved()))
  const [overlay, setOverlay] = useState(isOverlay)
  useEffect(() => {
    const onResize = () => {
      setOverlay(isOverlay())
      setWidth(clamp(saved()))
    }
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])
  const commit = useCallback((w: number) => {
    const next = clamp(w)
    setWidth(next)
    localStorage.setItem(KEY, String(next))
  }, [])
  const onResizeStart = (e: React.PointerEvent<HTMLElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId)
    const right = e.currentTarget.parentElement?.getBoundingClientRect().right ?? window.innerWidth
    const move = (ev: PointerEvent) => commit(right - ev.clientX)
    const up = () => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
  }
  const onResizeKey = (e: React.KeyboardEvent<HTMLElement>) => {
    if (e.key === 'ArrowLeft') commit(width + 40)
    else if (e.key === 'ArrowRight') commit(width - 40)
    else return
    e.preventDefault()
  }
  return { width, overlay, onResizeStart, onResizeKey }
}
