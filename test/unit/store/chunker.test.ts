import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { chunkBoundaries, spreadMask, STORE_CHUNKS } from '../../../src/main/core/store/chunker'
import { Rng, TextSource } from '../../scenarios/random-text'

const sizes = (data: Buffer): number[] => chunkBoundaries(data).map((end, i, ends) => end - (i > 0 ? ends[i - 1] : 0))

function chunkHashes(data: Buffer): string[] {
  let start = 0
  return chunkBoundaries(data).map((end) => {
    const h = createHash('sha256').update(data.subarray(start, end)).digest('hex')
    start = end
    return h
  })
}

function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.floor(q * (sorted.length - 1))]
}

describe('content-defined chunker', () => {
  const inputs = {
    'random bytes': new Rng(1).bytes(4_000_000),
    prose: Buffer.from(new TextSource(new Rng(2)).prose(3_000_000)),
    code: Buffer.from(new TextSource(new Rng(3)).code(3_000_000))
  }

  for (const [name, data] of Object.entries(inputs)) {
    it(`cuts ${name} into chunks around the target size, none outside the limits`, () => {
      const s = sizes(data)
      expect(s.reduce((a, b) => a + b, 0)).toBe(data.length)
      expect(Math.min(...s.slice(0, -1))).toBeGreaterThanOrEqual(STORE_CHUNKS.min)
      expect(Math.max(...s)).toBeLessThanOrEqual(STORE_CHUNKS.max)
      const mean = data.length / s.length
      // Normalized chunking keeps the mean near the target (min + avg, roughly); a mask that looks at too few
      // bytes (the low bits of a gear hash) lands far above it.
      expect(mean).toBeGreaterThan(STORE_CHUNKS.avg)
      expect(mean).toBeLessThan(STORE_CHUNKS.avg * 1.6)
      expect(quantile(s, 0.9)).toBeLessThan(STORE_CHUNKS.avg * 2.5)
      // Few chunks hit the hard maximum (a cut there is not content-defined, so it does not resync).
      expect(s.filter((x) => x === STORE_CHUNKS.max).length).toBeLessThan(s.length * 0.01)
    })
  }

  it('finds the same chunks again after an insertion or a deletion in the middle', () => {
    const data = inputs.prose.subarray(0, 1_000_000)
    const before = new Set(chunkHashes(data))
    const middle = 500_000
    const inserted = Buffer.concat([data.subarray(0, middle), Buffer.from('"cache_control":{"type":"ephemeral"},'), data.subarray(middle)])
    const deleted = Buffer.concat([data.subarray(0, middle), data.subarray(middle + 3000)])
    for (const edited of [inserted, deleted]) {
      const after = chunkHashes(edited)
      const fresh = after.filter((h) => !before.has(h))
      expect(fresh.length).toBeGreaterThan(0)
      expect(fresh.length).toBeLessThanOrEqual(3)
      expect(after.length - fresh.length).toBeGreaterThan(before.size - 5)
    }
  })

  it('cuts by content, not by offset: a prefix shifts nothing after the first chunks', () => {
    const data = inputs.code.subarray(0, 400_000)
    const shifted = chunkHashes(Buffer.concat([Buffer.from('x'.repeat(777)), data]))
    const original = new Set(chunkHashes(data))
    expect(shifted.filter((h) => !original.has(h)).length).toBeLessThanOrEqual(2)
  })

  it('spreads mask bits over the upper half of the hash', () => {
    const mask = spreadMask(12) >>> 0
    expect(mask.toString(2).split('1').length - 1).toBe(12)
    expect(mask & 0xff).toBe(0)
    expect(mask >>> 31).toBe(1)
  })
})
