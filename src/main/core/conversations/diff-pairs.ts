// Small pieces the message diffs share: JSON equality, and pairing two lists of items by id.

export function json(value: unknown): string | undefined {
  return JSON.stringify(value)
}

/**
 * Pairs items by id; what is left pairs in order as "id changed"; the rest is removed or added.
 * `label` names an unpaired item in "X removed" / "X added".
 */
export function pairedById<T>(
  base: T[],
  next: T[],
  idOf: (t: T) => string,
  compare: (id: string, b: T, n: T) => string[],
  label: (t: T) => string
): string[] {
  const phrases: string[] = []
  const nextById = new Map<string, T>()
  for (const n of next) if (!nextById.has(idOf(n))) nextById.set(idOf(n), n)
  const leftBase: T[] = []
  const used = new Set<T>()
  for (const b of base) {
    const n = nextById.get(idOf(b))
    if (n && !used.has(n)) {
      used.add(n)
      phrases.push(...compare(idOf(b), b, n))
    } else leftBase.push(b)
  }
  const leftNext = next.filter((n) => !used.has(n))
  const pairs = Math.min(leftBase.length, leftNext.length)
  for (let i = 0; i < pairs; i++) {
    phrases.push(`${label(leftBase[i])}: id changed to ${idOf(leftNext[i]) || '(none)'}`)
    phrases.push(...compare(idOf(leftNext[i]), leftBase[i], leftNext[i]))
  }
  for (const b of leftBase.slice(pairs)) phrases.push(`${label(b)} removed`)
  for (const n of leftNext.slice(pairs)) phrases.push(`${label(n)} added`)
  return phrases
}
