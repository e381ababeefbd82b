// Content-defined chunking, FastCDC (Xia et al., USENIX ATC 2016): a gear rolling hash, and a cut where the
// hash has zeros under a mask. Every request of an agent session repeats the whole history before it;
// cutting bodies where the *content* says so, not at fixed offsets, makes those repeated bytes produce the
// same chunks, so each is stored once however often it is sent.
//
// The mask's bits are spread over the hash's upper bits (FastCDC's "spread mask"): in a gear hash bit k
// depends on the last k+1 bytes only, so a mask of the 13 low bits would look at 13 bytes and cut far less
// evenly than its bit count says. Normalized chunking (a harder mask before the target size, an easier one
// after it) keeps sizes close to the target, so an edit costs about one chunk.

export interface ChunkerParams {
  min: number
  /** Target (normal) size; must be a power of two. */
  avg: number
  max: number
}

/** The store's chunk sizes: small, so an edit or the end of a body wastes little; see bench/README.md. */
export const STORE_CHUNKS: ChunkerParams = { min: 512, avg: 2048, max: 16 * 1024 }

// Deterministic table: the chunk boundaries (and so the dedupe across runs) depend on it never changing.
const GEAR = (() => {
  const table = new Int32Array(256)
  let x = 0x9e3779b9
  for (let i = 0; i < 256; i++) {
    // xorshift32
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    table[i] = x | 0
  }
  return table
})()

/** `bits` one-bits spread evenly over the upper bits of a 32-bit word (every other bit from the top). */
export function spreadMask(bits: number): number {
  let mask = 0
  for (let i = 0; i < bits; i++) mask |= 1 << (31 - 2 * i)
  return mask | 0
}

const masks = new Map<number, [number, number]>()

function masksFor(avg: number): [number, number] {
  let m = masks.get(avg)
  if (!m) {
    const bits = Math.round(Math.log2(avg))
    if (1 << bits !== avg) throw new Error(`chunk target ${avg} is not a power of two`)
    // Normalization level 1: one bit harder before the target, one bit easier after it.
    m = [spreadMask(bits + 1), spreadMask(bits - 1)]
    masks.set(avg, m)
  }
  return m
}

/** Chunk end offsets (exclusive) for `data`; the last one is always data.length. */
export function chunkBoundaries(data: Uint8Array, params: ChunkerParams = STORE_CHUNKS): number[] {
  const [hardMask, easyMask] = masksFor(params.avg)
  const ends: number[] = []
  const n = data.length
  let start = 0
  while (start < n) {
    if (n - start <= params.min) {
      ends.push(n)
      break
    }
    const limit = Math.min(n, start + params.max)
    const normal = Math.min(limit, start + params.avg)
    let hash = 0
    let i = start + params.min
    let cut = 0
    for (; i < normal; i++) {
      hash = ((hash << 1) + GEAR[data[i]]) | 0
      if ((hash & hardMask) === 0) {
        cut = i + 1
        break
      }
    }
    if (cut === 0) {
      cut = limit
      for (; i < limit; i++) {
        hash = ((hash << 1) + GEAR[data[i]]) | 0
        if ((hash & easyMask) === 0) {
          cut = i + 1
          break
        }
      }
    }
    ends.push(cut)
    start = cut
  }
  return ends
}
