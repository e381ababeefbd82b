// The keys both virtualized lists (exchanges, conversations) share: what a key asks for, decided in one place.
export type ListMove = number | 'first' | 'last'
export type ListKeyAction = { move: ListMove } | { open: true } | { close: true } | null

export function listKeyAction(key: string, page: number): ListKeyAction {
  switch (key) {
    case 'ArrowDown':
    case 'j':
      return { move: 1 }
    case 'ArrowUp':
    case 'k':
      return { move: -1 }
    case 'PageDown':
      return { move: page }
    case 'PageUp':
      return { move: -page }
    case 'Home':
    case 'g':
      return { move: 'first' }
    case 'End':
    case 'G':
      return { move: 'last' }
    case 'Enter':
      return { open: true }
    case 'Escape':
      return { close: true }
    default:
      return null
  }
}
