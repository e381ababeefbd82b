import { useCallback, useMemo, useState } from 'react'

/** A block's fold: collapsed shows a preview (or nothing but its head), open shows all of it. */
export interface Fold {
  open: boolean
  toggle(): void
}

export interface Folds {
  isOpen(key: string): boolean
  fold(key: string): Fold
  toggle(key: string): void
  /** Open one (a jump to a culprit block) without closing anything. */
  reveal(key: string): void
  setAll(open: boolean): void
  /** Changes whenever any fold changes; for memo and measuring. */
  version: number
}

/**
 * Fold state kept above a virtual list, so a block scrolled out of view and back keeps its state: a default
 * (all open or all closed) plus the keys the user flipped.
 */
export function useFolds(resetKey: unknown): Folds {
  const [state, setState] = useState(() => ({ base: false, flipped: new Set<string>(), version: 0, resetKey }))
  // A new request starts folded again.
  const current = state.resetKey === resetKey ? state : { base: false, flipped: new Set<string>(), version: state.version + 1, resetKey }
  if (current !== state) setState(current)

  const toggle = useCallback(
    (key: string) =>
      setState((s) => {
        const flipped = new Set(s.flipped)
        if (flipped.has(key)) flipped.delete(key)
        else flipped.add(key)
        return { ...s, flipped, version: s.version + 1 }
      }),
    []
  )
  const reveal = useCallback(
    (key: string) =>
      setState((s) => {
        if (s.base !== s.flipped.has(key)) return s
        const flipped = new Set(s.flipped)
        if (s.base) flipped.delete(key)
        else flipped.add(key)
        return { ...s, flipped, version: s.version + 1 }
      }),
    []
  )
  const setAll = useCallback((open: boolean) => setState((s) => ({ ...s, base: open, flipped: new Set(), version: s.version + 1 })), [])

  return useMemo(() => {
    const isOpen = (key: string) => current.base !== current.flipped.has(key)
    return {
      isOpen,
      fold: (key: string) => ({ open: isOpen(key), toggle: () => toggle(key) }),
      toggle,
      reveal,
      setAll,
      version: current.version
    }
  }, [current, toggle, reveal, setAll])
}
