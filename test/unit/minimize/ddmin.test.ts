// The two searches on their own: ddmin finds the failure-inducing subset; the prefix search is a binary
// search that trusts the culprit hint.
import { describe, expect, it } from 'vitest'
import { ddmin, shortestFailingPrefix } from '../../../src/main/core/repro/minimize/ddmin'

function counting<T>(fails: (x: T) => boolean): { fn: (x: T) => Promise<boolean>; calls: () => number } {
  let n = 0
  return { fn: async (x) => (n++, fails(x)), calls: () => n }
}

describe('ddmin', () => {
  const items = Array.from({ length: 64 }, (_, i) => i)

  it.each([[[17]], [[3, 50]], [[0, 31, 63]], [[10, 11, 12, 13]]])('finds %j', async (needed) => {
    const oracle = counting((keep: readonly number[]) => needed.every((x) => keep.includes(x)))
    expect(await ddmin(items, oracle.fn)).toEqual(needed)
  })

  it('complement-first: one needed item costs about log2(n) tests', async () => {
    const oracle = counting((keep: readonly number[]) => keep.includes(40))
    await ddmin(items, oracle.fn)
    expect(oracle.calls()).toBeLessThanOrEqual(2 * Math.log2(items.length))
  })
})

describe('shortestFailingPrefix', () => {
  it.each([0, 1, 37, 99])('answer %i of 0..99 in ⌈log2(100)⌉ calls', async (answer) => {
    const oracle = counting((j: number) => j >= answer)
    expect(await shortestFailingPrefix(0, 99, oracle.fn)).toBe(answer)
    expect(oracle.calls()).toBeLessThanOrEqual(7)
  })

  it('a right hint costs one call, a hint at the end none', async () => {
    const right = counting((j: number) => j >= 37)
    expect(await shortestFailingPrefix(0, 99, right.fn, 37)).toBe(37)
    expect(right.calls()).toBe(1)
    const atEnd = counting((j: number) => j >= 99)
    expect(await shortestFailingPrefix(0, 99, atEnd.fn, 99)).toBe(99)
    expect(atEnd.calls()).toBe(0)
  })

  it('a hint too early still finds the prefix after it', async () => {
    const oracle = counting((j: number) => j >= 60)
    expect(await shortestFailingPrefix(0, 99, oracle.fn, 20)).toBe(60)
  })

  it('a non-monotone oracle still gets a prefix it saw failing', async () => {
    const seen: number[] = []
    const answer = await shortestFailingPrefix(0, 99, async (j) => {
      const f = j % 3 === 0
      if (f) seen.push(j)
      return f
    })
    expect(answer === 99 || seen.includes(answer)).toBe(true)
  })
})
