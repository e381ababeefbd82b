// Fixture loading for the protocol tests; the .sse files keep the exact framing from docs/wire-formats.md.
import { readFileSync } from 'node:fs'

export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
}

export const toCrlf = (text: string): string => text.replace(/\n/g, '\r\n')
export const toCr = (text: string): string => text.replace(/\n/g, '\r')

/** Deterministic PRNG (mulberry32) so random-input tests replay the same inputs. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
