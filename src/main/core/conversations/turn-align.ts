// Lining up the messages of two requests of one conversation, so that a message inserted or removed in the
// middle does not make every later message look changed.

export type AlignStep =
  /** Same identity (skeleton); the message itself may still differ in details. */
  | { kind: 'pair'; base: number; next: number }
  | { kind: 'removed'; base: number }
  | { kind: 'added'; next: number }

/**
 * Greedy alignment by identity keys: walk both lists; on a mismatch, step past the message on the side
 * whose counterpart shows up sooner on the other side; when neither shows up again, pair the two (a message
 * changed in place). Each step is a binary search in the other side's positions: O(n log n), not the
 * quadratic LCS.
 */
export function alignMessages(baseKeys: readonly string[], nextKeys: readonly string[]): AlignStep[] {
  const inBase = positionsByKey(baseKeys)
  const inNext = positionsByKey(nextKeys)
  const steps: AlignStep[] = []
  let i = 0
  let j = 0
  while (i < baseKeys.length && j < nextKeys.length) {
    if (baseKeys[i] === nextKeys[j]) {
      steps.push({ kind: 'pair', base: i++, next: j++ })
      continue
    }
    const baseAgainInNext = nextAt(inNext, baseKeys[i], j)
    const nextAgainInBase = nextAt(inBase, nextKeys[j], i)
    if (baseAgainInNext < 0 && nextAgainInBase < 0) {
      steps.push({ kind: 'pair', base: i++, next: j++ })
    } else if (baseAgainInNext < 0 || (nextAgainInBase >= 0 && nextAgainInBase - i < baseAgainInNext - j)) {
      // The next message shows up later in base (sooner than the other way round): this base message was removed.
      steps.push({ kind: 'removed', base: i++ })
    } else {
      // The base message shows up later in next: this next message was inserted.
      steps.push({ kind: 'added', next: j++ })
    }
  }
  while (i < baseKeys.length) steps.push({ kind: 'removed', base: i++ })
  while (j < nextKeys.length) steps.push({ kind: 'added', next: j++ })
  return steps
}

function positionsByKey(keys: readonly string[]): Map<string, number[]> {
  const map = new Map<string, number[]>()
  keys.forEach((key, index) => {
    const list = map.get(key)
    if (list) list.push(index)
    else map.set(key, [index])
  })
  return map
}

/** First position of `key` at or after `from`, or -1. */
function nextAt(positions: Map<string, number[]>, key: string, from: number): number {
  const list = positions.get(key)
  if (!list) return -1
  let low = 0
  let high = list.length
  while (low < high) {
    const mid = (low + high) >> 1
    if (list[mid] < from) low = mid + 1
    else high = mid
  }
  return low < list.length ? list[low] : -1
}
