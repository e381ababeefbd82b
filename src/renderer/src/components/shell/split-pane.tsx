import { useCallback, useRef, useState, type ReactNode } from 'react'
import './shell.css'

function initialRatio(key: string, fallback: number): number {
  const saved = Number(localStorage.getItem(key))
  return saved > 0.15 && saved < 0.85 ? saved : fallback
}

/**
 * List on top, detail below. The splitter can be dragged, moved with the arrow keys when focused, and collapses
 * the list to its header row with Enter, a double click or its button (the WAI-ARIA window splitter pattern).
 * The list never takes more height than its rows need (`topContent`), so four rows leave the rest to the
 * detail. Each view keeps its own ratio: the conversation view wants most of the height for its timeline.
 */
export function SplitPane({
  top,
  bottom,
  topContent,
  topLabel = 'list',
  storageKey = 'mimo-inspector.split',
  defaultRatio = 0.42
}: {
  top: ReactNode
  bottom: ReactNode | null
  /** Height in px the top needs for all its content. */
  topContent?: number
  topLabel?: string
  storageKey?: string
  defaultRatio?: number
}) {
  const [ratio, setRatio] = useState(() => initialRatio(storageKey, defaultRatio))
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(`${storageKey}.collapsed`) === '1')
  const box = useRef<HTMLDivElement>(null)

  const commit = useCallback(
    (r: number) => {
      const clamped = Math.min(0.85, Math.max(0.15, r))
      setRatio(clamped)
      localStorage.setItem(storageKey, String(clamped))
    },
    [storageKey]
  )
  const collapse = (on: boolean) => {
    setCollapsed(on)
    localStorage.setItem(`${storageKey}.collapsed`, on ? '1' : '0')
  }

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    const el = box.current
    if (!el || e.button !== 0) return
    e.currentTarget.setPointerCapture(e.pointerId)
    const rect = el.getBoundingClientRect()
    const move = (ev: PointerEvent) => {
      if (collapsed) collapse(false)
      commit((ev.clientY - rect.top) / rect.height)
    }
    const up = () => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
  }

  let topStyle: React.CSSProperties
  if (!bottom) topStyle = { flex: '1 1 auto' }
  else if (collapsed) topStyle = { flex: 'none', height: 'var(--list-head-height)', minHeight: 0, overflow: 'hidden' }
  else topStyle = { flexBasis: `${ratio * 100}%`, maxHeight: topContent }

  // The top stays the same element with or without a bottom, so the list is not remounted (and does not lose
  // its scroll position) when a detail opens or closes.
  return (
    <div className="split" ref={box}>
      <div className={`split-top${collapsed && bottom ? ' split-top-collapsed' : ''}`} style={topStyle}>
        {top}
      </div>
      {bottom && (
        <>
          <div className="split-bar">
            <div
              className="split-divider"
              role="separator"
              aria-orientation="horizontal"
              aria-label={`Resize the ${topLabel}`}
              aria-valuenow={collapsed ? 0 : Math.round(ratio * 100)}
              aria-valuemin={0}
              aria-valuemax={85}
              tabIndex={0}
              title={`Drag to resize; Enter or double-click ${collapsed ? 'shows' : 'hides'} the ${topLabel}`}
              onPointerDown={onPointerDown}
              onDoubleClick={() => collapse(!collapsed)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowUp') commit(ratio - 0.05)
                else if (e.key === 'ArrowDown') commit(ratio + 0.05)
                else if (e.key === 'Enter') collapse(!collapsed)
                else return
                e.preventDefault()
              }}
            >
              <span className="split-grip" aria-hidden />
            </div>
            <button className="split-toggle" data-testid="split-toggle" aria-expanded={!collapsed} onClick={() => collapse(!collapsed)}>
              {collapsed ? `▾ Show ${topLabel}` : `▴ Hide ${topLabel}`}
            </button>
          </div>
          <div className="split-bottom">{bottom}</div>
        </>
      )}
    </div>
  )
}
