// Content-defined chunking (gear rolling hash, FastCDC-style boundaries). Every request of an agent session
// repeats the whole history before it; cutting bodies where the *content* says so, not at fixed offsets,
// makes those repeated bytes produce the same chunks, so each is stored once however often it is sent.

const MIN_SIZE = 4 * 1024
const AVG_BITS = 14 // ~16 KiB average
const MAX_SIZE = 64 * 1024
const MASK = (1 << AVG_BITS) - 1

// Deterministic table: the chunk boundaries (and so the dedupe across runs) depend on it never changing.
const GEAR = (() => {
  const table = new Uint32Array(256)
  let x = 0x9e3779b9
  for (let i = 0; i < 256; i++) {
    // xorshift32
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    table[i] = x >>> 0
  }
  return table
})()

/** Chunk end offsets (exclusive) for `data`; the last one is always data.length. */
export function chunkBoundaries(data: Uint8Array): number[] {
  const ends: number[] = []
  const n = data.length
  let start = 0
  while (start < n) {
    const remaining = n - start
    if (remaining <= MIN_SIZE) {
      ends.push(n)
      break
    }
    const limit = Math.min(n, start + MAX_SIZE)
    let hash = 0
    let i = start + MIN_SIZE
    let cut = limit
    for (; i < limit; i++) {
      hash = ((hash << 1) + GEAR[data[i]]) >>> 0
      if ((hash & MASK) === 0) {
        cut = i + 1
        break
      }
    }
    ends.push(cut)
    start = cut
  }
  return ends
}
