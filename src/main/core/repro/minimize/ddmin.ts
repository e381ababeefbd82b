// The two searches. `fails(x)` builds the candidate for x, asks the oracle (or the memo) and, when it fails
// the same way, makes it the current best; so whatever these return, the best so far already holds it.

/**
 * Zeller's delta debugging (ddmin), complement-first: tries dropping one of n chunks before keeping one
 * chunk alone, since in a history most things can go. Given that all of `items` fails, returns a subset
 * that fails and from which no single chunk at the finest granularity could be dropped (1-minimal when it
 * got down to single items). A candidate that cannot be built (invalid request) counts as not failing.
 */
export async function ddmin<T>(items: readonly T[], fails: (keep: readonly T[]) => Promise<boolean>): Promise<T[]> {
  let c = [...items]
  let n = 2
  while (c.length >= 2) {
    const chunks = split(c, n)
    let next: T[] | null = null
    for (let i = 0; i < chunks.length && next === null; i++) {
      const complement = chunks.flatMap((chunk, j) => (j === i ? [] : chunk))
      if (await fails(complement)) {
        next = complement
        n = Math.max(n - 1, 2)
      }
    }
    // With two chunks each complement is the other chunk: nothing new to try.
    for (let i = 0; i < chunks.length && next === null && n > 2; i++) {
      if (await fails(chunks[i])) {
        next = chunks[i]
        n = 2
      }
    }
    if (next !== null) {
      c = next
      continue
    }
    if (n >= c.length) break
    n = Math.min(2 * n, c.length)
  }
  return c
}

function split<T>(items: readonly T[], n: number): T[][] {
  const chunks: T[][] = []
  let start = 0
  for (let i = 0; i < n; i++) {
    const end = start + Math.floor((items.length - start) / (n - i))
    chunks.push(items.slice(start, end))
    start = end
  }
  return chunks.filter((chunk) => chunk.length > 0)
}

/**
 * The shortest failing prefix: the smallest j in [from, last] for which `fails(j)` holds, knowing that
 * `fails(last)` does. Binary search, so ⌈log2(last − from + 1)⌉ calls; with a `start` hint (the diagnosed
 * culprit) one call when the prefix ending there already fails. The answer is always a prefix seen failing
 * (or `last`), even if the oracle is not monotone.
 */
export async function shortestFailingPrefix(from: number, last: number, fails: (j: number) => Promise<boolean>, start?: number | null): Promise<number> {
  let lo = from
  let hi = last
  if (start !== null && start !== undefined && start >= from) {
    // Nothing before the culprit can be the answer.
    lo = Math.min(start, last)
    if (lo < last) {
      if (await fails(lo)) return lo
      lo++
    }
  }
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    if (await fails(mid)) hi = mid
    else lo = mid + 1
  }
  return hi
}
