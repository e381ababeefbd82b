// Keyboard for a virtualized list: arrows / j k, PageUp/Down, Home/End / g G, Enter opens, Esc closes.
// Shared by the exchange and conversation lists; only what moving, opening and closing mean differs.
import type { Virtualizer } from '@tanstack/react-virtual'
import type { RefObject } from 'react'
import { hasModifier } from '../../lib/keys'
import { listKeyAction, type ListMove } from '../../lib/list-keys'
import { useAppStore } from '../../store/app-store'

export interface ListKeyHandlers {
  move(to: ListMove): number | null
  open(): void
  close(): void
}

export function useListKeys(
  scroller: RefObject<HTMLDivElement | null>,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  rowHeight: number,
  handlers: ListKeyHandlers
): (e: React.KeyboardEvent<HTMLDivElement>) => void {
  return (e) => {
    if (hasModifier(e)) return
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / rowHeight) - 1)
    const action = listKeyAction(e.key, page)
    if (!action) return
    let index: number | null = null
    if ('move' in action) index = handlers.move(action.move)
    else if ('open' in action) handlers.open()
    else {
      // Esc belongs to the setup panel while it is open.
      if (useAppStore.getState().setupOpen) return
      handlers.close()
    }
    e.preventDefault()
    if (index !== null) virtualizer.scrollToIndex(index, { align: 'auto' })
  }
}
