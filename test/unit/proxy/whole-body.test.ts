// The whole body a rule or breakpoint reads: the same bytes however the upload was cut, gathered into one
// buffer as the chunks arrive when the length is announced.
import { describe, expect, it } from 'vitest'
import { WholeBody } from '../../../src/main/core/proxy/whole-body'

const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => String.fromCharCode(32 + (i % 90))).join(''))
const cut = (at: number[]): Buffer[] => [0, ...at].map((start, k) => bytes.subarray(start, k < at.length ? at[k] : bytes.length))

describe('WholeBody', () => {
  it('gathers chunks into one buffer as they come when content-length is given', () => {
    const body = new WholeBody(String(bytes.length))
    const chunks = cut([1, 16_384, 65_536])
    for (const c of chunks) body.push(c)
    const whole = body.whole()
    expect(whole.equals(bytes)).toBe(true)
    expect(chunks.some((c) => c.buffer === whole.buffer)).toBe(false)
  })

  it('joins the chunks of an upload without a length, and hands back a single chunk as it is', () => {
    const chunked = new WholeBody(undefined)
    for (const c of cut([10, 20, 40_000])) chunked.push(c)
    expect(chunked.whole().equals(bytes)).toBe(true)
    const one = new WholeBody(String(bytes.length))
    one.push(bytes)
    expect(one.whole()).toBe(bytes)
  })

  it('does not trust a length the chunks do not fill, nor a huge one', () => {
    const short = new WholeBody(String(bytes.length + 10))
    for (const c of cut([5000])) short.push(c)
    expect(short.whole().equals(bytes)).toBe(true)
    const less = new WholeBody(String(bytes.length - 10))
    for (const c of cut([5000, 60_000])) less.push(c)
    expect(less.whole().equals(bytes)).toBe(true)
    const huge = new WholeBody(String(2 ** 40))
    for (const c of cut([5000])) huge.push(c)
    expect(huge.whole().equals(bytes)).toBe(true)
  })
})
