// Keyboard and mouse actions on the exchange list.
import { useAppStore } from '../store/app-store'
import { indexOfId } from '../store/exchange-list'
import { openExchange } from './detail-actions'

let followTimer: ReturnType<typeof setTimeout> | null = null

/** Move the cursor; when the detail panel is open it follows after a short pause (no fetch per keystroke). */
export function moveSelection(to: number | 'first' | 'last', relative = true): number | null {
  const s = useAppStore.getState()
  const count = s.slots.length
  if (count === 0) return null
  let index: number
  if (to === 'first') index = 0
  else if (to === 'last') index = count - 1
  else {
    const current = s.selectedId === null ? -1 : indexOfId(s.slots, s.selectedId)
    index = relative ? (current === -1 ? (to > 0 ? 0 : count - 1) : current + to) : to
  }
  index = Math.max(0, Math.min(count - 1, index))
  const id = s.slots[index]
  if (id === undefined) return index
  s.setSelected(id)
  if (s.openId !== null && s.openId !== id) {
    if (followTimer !== null) clearTimeout(followTimer)
    followTimer = setTimeout(() => {
      followTimer = null
      const selected = useAppStore.getState().selectedId
      if (selected) openExchange(selected)
    }, 120)
  }
  return index
}

export function openSelected(): void {
  const id = useAppStore.getState().selectedId
  if (id) openExchange(id)
}
