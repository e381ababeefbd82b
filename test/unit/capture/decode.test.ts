import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decodeContent } from '../../../src/main/core/capture/decode'

describe('decodeContent', () => {
  it('decodes gzip and reports what it cannot decode', () => {
    expect(decodeContent(gzipSync('hello'), 'gzip').bytes?.toString()).toBe('hello')
    expect(decodeContent(Buffer.from('not gzip'), 'gzip').note).toMatch(/does not decode/)
    expect(decodeContent(Buffer.from('x'), 'compress').note).toMatch(/not supported/)
    expect(decodeContent(Buffer.from('not zstd'), 'zstd').note).toMatch(/does not decode/)
  })

  it('caps a gzip bomb instead of inflating it', () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024))
    const out = decodeContent(bomb, 'gzip', 1024 * 1024)
    expect(out.bytes).toBeNull()
    expect(out.truncated).toBe(true)
  })

  it('decodes zstd (with fzstd) and caps it too', () => {
    const zst = readFileSync('test/fixtures/planted-key-body.json.zst')
    expect(JSON.parse(decodeContent(zst, 'zstd').bytes!.toString()).model).toBe('mimo-v2.5')
    expect(decodeContent(zst, 'zstd', 1000)).toMatchObject({ bytes: null, truncated: true })
  })
})
