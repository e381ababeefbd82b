// The one context menu (rows, timeline messages, column headers): opens at the pointer, arrows move, Enter
// runs, Esc or a click elsewhere closes, and focus goes back where it was.
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useAppStore } from '../../store/app-store'
import type { MenuItem } from '../../store/list-view-slice'
import './list-tools.css'

export function openMenu(e: { clientX: number; clientY: number; preventDefault(): void }, label: string, items: MenuItem[]): void {
  e.preventDefault()
  useAppStore.getState().setMenu({ x: e.clientX, y: e.clientY, label, items })
}

const closeMenu = (): void => useAppStore.getState().setMenu(null)

export function ContextMenu() {
  const menu = useAppStore((s) => s.menu)
  const ref = useRef<HTMLDivElement>(null)
  const returnTo = useRef<Element | null>(null)
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null)
  const [, rerender] = useState(0)

  useLayoutEffect(() => {
    if (!menu) return setPos(null)
    returnTo.current ??= document.activeElement
    const el = ref.current
    const w = el?.offsetWidth ?? 240
    const h = el?.offsetHeight ?? 300
    // Kept inside the window, like a native menu.
    setPos({ left: Math.max(4, Math.min(menu.x, window.innerWidth - w - 4)), top: Math.max(4, Math.min(menu.y, window.innerHeight - h - 4)) })
  }, [menu])

  // Once placed (a hidden menu cannot take the focus): the first item has it, so arrows and Esc work at once.
  useLayoutEffect(() => {
    if (pos) ref.current?.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])')?.focus()
  }, [pos])

  useEffect(() => {
    if (!menu) {
      const back = returnTo.current as HTMLElement | null
      returnTo.current = null
      back?.focus?.({ preventScroll: true })
      return
    }
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) closeMenu()
    }
    const blur = () => closeMenu()
    // Esc closes the menu wherever the focus is, before the lists see it.
    const esc = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      e.stopPropagation()
      closeMenu()
    }
    window.addEventListener('keydown', esc, true)
    window.addEventListener('mousedown', away, true)
    window.addEventListener('blur', blur)
    window.addEventListener('resize', blur)
    return () => {
      window.removeEventListener('keydown', esc, true)
      window.removeEventListener('mousedown', away, true)
      window.removeEventListener('blur', blur)
      window.removeEventListener('resize', blur)
    }
  }, [menu])

  if (!menu) return null
  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? [])]
    const at = items.indexOf(document.activeElement as HTMLElement)
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const next = items[(at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]
      next?.focus()
    } else if (e.key === 'Home') items[0]?.focus()
    else if (e.key === 'End') items[items.length - 1]?.focus()
    else if (e.key === 'Escape' || e.key === 'Tab') closeMenu()
    else return
    e.preventDefault()
    e.stopPropagation()
  }

  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={menu.label}
      data-testid="context-menu"
      style={pos ? { left: pos.left, top: pos.top } : { left: menu.x, top: menu.y, visibility: 'hidden' }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {menu.items.map((item, i) => {
        if (item.kind === 'separator') return <div key={i} className="menu-separator" role="separator" />
        if (item.kind === 'check')
          return (
            <button
              key={i}
              className="menu-item"
              role="menuitemcheckbox"
              aria-checked={item.checked}
              data-testid={item.testId}
              onClick={() => {
                item.toggle()
                // The menu stays open: the choice applies to the item picked next.
                item.checked = !item.checked
                rerender((n) => n + 1)
              }}
            >
              <span className="menu-check" aria-hidden>
                {item.checked ? '✓' : ''}
              </span>
              {item.label}
            </button>
          )
        return (
          <button
            key={i}
            className={`menu-item${item.danger ? ' menu-danger' : ''}`}
            role="menuitem"
            aria-disabled={item.disabled || undefined}
            data-testid={item.testId}
            onClick={() => {
              if (item.disabled) return
              closeMenu()
              item.run()
            }}
          >
            <span className="menu-check" aria-hidden />
            {item.label}
            {item.hint && <span className="menu-hint">{item.hint}</span>}
          </button>
        )
      })}
    </div>
  )
}
