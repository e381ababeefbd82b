import { useCallback, useState } from 'react'

const KEY = 'mimo-inspector.replay-width'
const MIN = 420

function clamp(w: number): number {
  return Math.round(Math.max(MIN, Math.min(w, window.innerWidth - 360)))
}

/** The replay panel's width: dragged by its left edge (or arrow keys on it), remembered. */
export function usePanelWidth(): {
  width: number
  onResizeStart: (e: React.PointerEvent<HTMLElement>) => void
  onResizeKey: (e: React.KeyboardEvent<HTMLElement>) => void
} {
  const [width, setWidth] = useState(() => {
    const saved = Number(localStorage.getItem(KEY))
    return clamp(saved > 0 ? saved : window.innerWidth * 0.42)
  })
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
  return { width, onResizeStart, onResizeKey }
}
