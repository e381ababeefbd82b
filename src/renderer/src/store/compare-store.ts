// Comparing two exchanges: the one marked as the base, and the pair being compared (base → the open one).
// A store of its own: nothing else reads it, and it holds ids only (the bodies are fetched by the view).
import { create } from 'zustand'

export interface ComparePair {
  a: string
  b: string
}

interface CompareState {
  /** The exchange marked with "Compare…", waiting for a second one. */
  base: string | null
  pair: ComparePair | null
  mark(id: string | null): void
  open(pair: ComparePair | null): void
}

export const useCompare = create<CompareState>((set) => ({
  base: null,
  pair: null,
  mark: (base) => set({ base }),
  open: (pair) => set({ pair })
}))

/** Compare the marked exchange with `id` (the second of the two picked). */
export function compareWith(id: string): void {
  const { base } = useCompare.getState()
  if (!base || base === id) return
  useCompare.getState().open({ a: base, b: id })
}
