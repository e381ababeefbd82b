// Every stored body is scanned for keys whatever its encoding; what cannot be cleaned is not stored.
import { readFileSync } from 'node:fs'
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib'
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { DECODED_NOTE_HEADER, redactSide } from '../../../src/main/core/capture/redact-encoded'
import { decodeContent } from '../../../src/main/core/capture/decode'
import type { HeaderList } from '../../../src/shared/types'

const KEY = 'sk-PlantedUnitKey3f9a8b7c6d5e4f'
const ZSTD_KEY = 'tp-PlantedZstdKey9c8b7a6f5e4d3c2b1a'
const text = (key = KEY): string => JSON.stringify({ model: 'mimo-v2.5', messages: [{ role: 'user', content: `lots of words before ${key} and after` }] })
const enc = (coding: string): HeaderList => [['content-type', 'application/json'], ['content-encoding', coding], ['content-length', '1']]
const leaks = (b: Buffer, key = KEY): boolean => b.includes(key.slice(3, -4)) || b.toString('latin1').includes(key.slice(3, -4))
const note = (h: HeaderList): string | undefined => h.find(([n]) => n === DECODED_NOTE_HEADER)?.[1]

describe('redactSide', () => {
  it('keeps bodies without a key byte for byte, encoded or not', () => {
    const plain = Buffer.from(text('nothing'))
    for (const [coding, bytes] of [['identity', plain], ['gzip', gzipSync(plain)], ['br', brotliCompressSync(plain)]] as const) {
      const out = redactSide(bytes, enc(coding))
      expect(out.bytes.equals(bytes)).toBe(true)
      expect(out.headers).toEqual(enc(coding))
    }
  })

  it('replaces the key in place in an identity body, text or binary', () => {
    const out = redactSide(Buffer.from(text()), [['content-type', 'application/json']])
    expect(leaks(out.bytes)).toBe(false)
    expect(out.bytes.toString()).toMatch(/sk-…[0-9a-f]{4}/)
    const binary = Buffer.concat([randomBytes(300), Buffer.from(` ${KEY} `), Buffer.from([0xff, 0xfe, 0x80])])
    const cleaned = redactSide(binary, [['content-type', 'application/octet-stream']]).bytes
    expect(leaks(cleaned)).toBe(false)
    // Only the key's bytes changed.
    expect(cleaned.subarray(0, 300).equals(binary.subarray(0, 300))).toBe(true)
    expect(cleaned.subarray(-3).equals(binary.subarray(-3))).toBe(true)
  })

  it.each([
    ['gzip', (b: Buffer) => gzipSync(b)],
    ['deflate', (b: Buffer) => deflateSync(b)],
    ['deflate', (b: Buffer) => deflateRawSync(b)],
    ['br', (b: Buffer) => brotliCompressSync(b)],
    ['gzip, br', (b: Buffer) => brotliCompressSync(gzipSync(b))]
  ])('stores a %s body with a key decoded, the key removed and the change noted', (coding, encode) => {
    const encoded = encode(Buffer.from(text()))
    expect(leaks(encoded)).toBe(false)
    const out = redactSide(encoded, enc(coding))
    expect(leaks(out.bytes)).toBe(false)
    expect(JSON.parse(out.bytes.toString()).messages[0].content).toMatch(/sk-…[0-9a-f]{4}/)
    expect(out.headers.some(([n]) => n.toLowerCase() === 'content-encoding')).toBe(false)
    expect(note(out.headers)).toMatch(/decoded from/)
  })

  it('reads zstd (Node has no zstd: fzstd) and removes the key', () => {
    const zst = readFileSync('test/fixtures/planted-key-body.json.zst')
    expect(leaks(zst, ZSTD_KEY)).toBe(false)
    expect(decodeContent(zst, 'zstd').bytes?.includes(ZSTD_KEY)).toBe(true)
    const out = redactSide(zst, enc('zstd'))
    expect(leaks(out.bytes, ZSTD_KEY)).toBe(false)
    expect(JSON.parse(out.bytes.toString()).model).toBe('mimo-v2.5')
  })

  it('scans past the display cap: a key after 70 MB of decoded gzip is found and removed', () => {
    const big = Buffer.concat([Buffer.alloc(70 * 1024 * 1024, 0x20), Buffer.from(text())])
    const out = redactSide(gzipSync(big, { level: 1 }), enc('gzip'))
    expect(leaks(out.bytes)).toBe(false)
    expect(out.bytes.length).toBe(big.length - KEY.length + Buffer.byteLength('sk-…0000'))
  })

  it('stores a placeholder when the key is in a body too large to rewrite', () => {
    const big = Buffer.concat([Buffer.alloc(2 * 1024 * 1024, 0x20), Buffer.from(text())])
    const out = redactSide(gzipSync(big), enc('gzip'), 1024 * 1024)
    expect(leaks(out.bytes)).toBe(false)
    expect(out.bytes.toString()).toMatch(/^\[body not stored: it holds a key-like string .*more than 1048576 bytes/)
    expect(note(out.headers)).toMatch(/placeholder/)
  })

  it('stores a placeholder when a broken gzip body decodes to a key before it breaks', () => {
    const gz = gzipSync(Buffer.from(text() + ' '.repeat(5000) + 'tail'))
    const cut = gz.subarray(0, gz.length - 12)
    const out = redactSide(cut, enc('gzip'))
    expect(leaks(out.bytes)).toBe(false)
    expect(out.bytes.toString()).toMatch(/does not decode/)
  })

  it('cleans a key sent in clear under a gzip label (the raw bytes are all there is)', () => {
    const mislabelled = Buffer.from(text())
    const out = redactSide(mislabelled, enc('gzip'))
    expect(leaks(out.bytes)).toBe(false)
    expect(out.bytes.toString()).toMatch(/sk-…[0-9a-f]{4}/)
  })

  it('scans the raw bytes of an encoding it cannot undo', () => {
    const out = redactSide(Buffer.from(text()), enc('compress'))
    expect(leaks(out.bytes)).toBe(false)
  })
})
