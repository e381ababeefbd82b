import { useEffect, useRef, useState, type ReactNode } from 'react'
import './shell.css'

/**
 * The header's "More" menu: what does not fit beside the essentials at this width (the upstream, Open file…,
 * the count) moves here instead of running off the window. Esc or a click outside closes it.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointer = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      e.stopPropagation()
      setOpen(false)
      button.current?.focus()
    }
    window.addEventListener('pointerdown', onPointer)
    window.addEventListener('keydown', onKey, true)
    // Focus the first control, so the keyboard continues inside the menu.
    box.current?.querySelector<HTMLElement>('.header-menu-panel select, .header-menu-panel button, .header-menu-panel input')?.focus()
    return () => {
      window.removeEventListener('pointerdown', onPointer)
      window.removeEventListener('keydown', onKey, true)
    }
  }, [open])

  return (
    <div className="header-menu" ref={box}>
      <button
        ref={button}
        className={`btn btn-small header-menu-button${open ? ' btn-active' : ''}`}
        data-testid="header-menu-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label="More: upstream, open file"
        title="More: upstream, Open file…"
        onClick={() => setOpen(!open)}
      >
        ⋯
      </button>
      {open && (
        <div className="header-menu-panel" role="dialog" aria-label="More" data-testid="header-menu">
          {children}
        </div>
      )}
    </div>
  )
}
