import { useCallback, useRef, useState, type ReactNode } from 'react'
import './shell.css'

function initialRatio(key: string, fallback: number): number {
  const saved = Number(localStorage.getItem(key))
  return saved > 0.15 && saved < 0.85 ? saved : fallback
}

/**
 * List on top, detail below; the divider can be dragged (or moved with the arrow keys when focused). Each view
 * keeps its own ratio: the conversation view wants most of the height for its timeline.
 */
export function SplitPane({
  top,
  bottom,
  storageKey = 'mimo-inspector.split',
  defaultRatio = 0.42
}: {
  top: ReactNode
  bottom: ReactNode | null
  storageKey?: string
  defaultRatio?: number
}) {
  const [ratio, setRatio] = useState(() => initialRatio(storageKey, defaultRatio))
  const box = useRef<HTMLDivElement>(null)

  const commit = useCallback((r: number) => {
    const clamped = Math.min(0.85, Math.max(0.15, r))
    setRatio(clamped)
    localStorage.setItem(storageKey, String(clamped))
  }, [storageKey])

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    const el = box.current
    if (!el) return
    e.currentTarget.setPointerCapture(e.pointerId)
    const rect = el.getBoundingClientRect()
    const move = (ev: PointerEvent) => commit((ev.clientY - rect.top) / rect.height)
    const up = () => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
  }

  // The top stays the same element with or without a bottom, so the list is not remounted (and does not lose
  // its scroll position) when a detail opens or closes.
  return (
    <div className="split" ref={box}>
      <div className="split-top" style={bottom ? { flexBasis: `${ratio * 100}%` } : { flex: '1 1 auto' }}>
        {top}
      </div>
      {bottom && (
        <>
          <div
            className="split-divider"
            role="separator"
            aria-orientation="horizontal"
            aria-valuenow={Math.round(ratio * 100)}
            tabIndex={0}
            onPointerDown={onPointerDown}
            onKeyDown={(e) => {
              if (e.key === 'ArrowUp') commit(ratio - 0.05)
              if (e.key === 'ArrowDown') commit(ratio + 0.05)
            }}
          />
          <div className="split-bottom">{bottom}</div>
        </>
      )}
    </div>
  )
}
