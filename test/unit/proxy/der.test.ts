// The DER reader takes certificates from disk (our CA, which a user may have damaged): it must refuse bad
// bytes with an error, never read past the end.
import { describe, expect, it } from 'vitest'
import { children } from '../../../src/main/core/proxy/mitm/der'

describe('DER children', () => {
  it('splits well-formed elements', () => {
    const two = Buffer.from([0x02, 0x01, 0x05, 0x04, 0x82, 0x00, 0x02, 0xaa, 0xbb])
    const out = children(two)
    expect(out.map((e) => e.tag)).toEqual([0x02, 0x04])
    expect([...out[1].content]).toEqual([0xaa, 0xbb])
  })

  it('refuses a tag with no length byte, a long length past the end, and a short element', () => {
    expect(() => children(Buffer.from([0x02, 0x01, 0x05, 0x30]))).toThrow(/truncated DER header/)
    expect(() => children(Buffer.from([0x30, 0x82, 0x01]))).toThrow(/malformed DER length/)
    expect(() => children(Buffer.from([0x30, 0x05, 0x01]))).toThrow(/truncated DER element/)
  })
})
