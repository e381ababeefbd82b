import { describe, expect, it } from 'vitest'
import { BodyTee } from '../../../src/main/core/capture/live-exchange'
import { PEEK_BYTES, peekRequestMeta } from '../../../src/main/core/protocols/request-meta'

describe('BodyTee.ends and the in-flight peek', () => {
  const big = JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(600_000) }], model: 'mimo-v2.5-pro', stream: true })

  it('gives the same head and tail as slicing the joined body, across chunk boundaries', () => {
    const tee = new BodyTee()
    const bytes = Buffer.from(big)
    for (let i = 0; i < bytes.length; i += 7919) tee.push(bytes.subarray(i, i + 7919))
    const ends = tee.ends(PEEK_BYTES)!
    expect(ends.head.equals(bytes.subarray(0, PEEK_BYTES))).toBe(true)
    expect(ends.tail.equals(bytes.subarray(bytes.length - PEEK_BYTES))).toBe(true)
    expect(peekRequestMeta(ends)).toEqual({ model: 'mimo-v2.5-pro', stream: true })
  })

  it('is null for a small body (the whole body is parsed then)', () => {
    const tee = new BodyTee()
    tee.push(Buffer.from('{"model":"m"}'))
    expect(tee.ends(PEEK_BYTES)).toBeNull()
  })
})
