import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decodeContent } from '../../../src/main/core/capture/decode'

describe('decodeContent', () => {
  it('decodes gzip and reports what it cannot decode', () => {
    expect(decodeContent(gzipSync('hello'), 'gzip').bytes?.toString()).toBe('hello')
    expect(decodeContent(Buffer.from('not gzip'), 'gzip').note).toMatch(/does not decode/)
    expect(decodeContent(Buffer.from('x'), 'zstd').note).toMatch(/not supported/)
  })

  it('caps a gzip bomb instead of inflating it', () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024))
    const out = decodeContent(bomb, 'gzip', 1024 * 1024)
    expect(out.bytes).toBeNull()
    expect(out.truncated).toBe(true)
  })
})
