// Whether the rules and breakpoints panel is open: shared by the header chips and the "More" menu's copy of them.
import { useSyncExternalStore } from 'react'

let open = false
const listeners = new Set<() => void>()

export function setPanelOpen(value: boolean): void {
  open = value
  for (const l of listeners) l()
}

export function usePanelOpen(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    () => open
  )
}
