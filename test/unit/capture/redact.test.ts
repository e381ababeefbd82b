import { describe, expect, it } from 'vitest'
import { fingerprint, redactBody, redactHeaders, redactText } from '../../../src/main/core/capture/redact'
import { redactBytes } from '../../../src/main/core/capture/redact-bytes'
import { KeyScanner } from '../../../src/main/core/capture/key-scan'

const TP = 'tp-4f9a1c2b3d4e5f60718293a4b5c6d7e8'
const SK = 'sk-Zq8rT2vX9yB4nM6kL1pQ3wE5'

describe('redaction', () => {
  it('fingerprints key headers and keeps the others', () => {
    const out = redactHeaders([
      ['Authorization', `Bearer ${TP}`],
      ['api-key', SK],
      ['x-api-key', SK],
      ['Cookie', 'session=abc123'],
      ['content-type', 'application/json']
    ])
    expect(out[0]).toEqual(['Authorization', `Bearer ${fingerprint(TP)}`])
    expect(out[0][1]).toMatch(/^Bearer tp-…[0-9a-f]{4}$/)
    expect(out[1][1]).toMatch(/^sk-…[0-9a-f]{4}$/)
    expect(out[3][1]).not.toContain('abc123')
    expect(out[4]).toEqual(['content-type', 'application/json'])
    expect(JSON.stringify(out)).not.toContain(TP.slice(3))
  })

  it('keeps a fingerprint as it is (an imported `show` file): never a fingerprint of a fingerprint', () => {
    const shown: Array<[string, string]> = [
      ['authorization', 'Bearer sk-…9eaf'],
      ['x-api-key', 'tp-…01ab'],
      ['api-key', '…c0de']
    ]
    expect(redactHeaders(shown)).toEqual(shown)
    // A real key still becomes its fingerprint, and that fingerprint then stays.
    const once = redactHeaders([['authorization', 'Bearer sk-real0123456789abcdefXYZ']])
    expect(once[0][1]).toBe(`Bearer ${fingerprint('sk-real0123456789abcdefXYZ')}`)
    expect(redactHeaders(once)).toEqual(once)
  })

  it('replaces key-like strings in bodies, not look-alikes', () => {
    const text = `{"note":"use ${SK} or Bearer ${TP}","pkg":"http-mitm-proxy-something-long","task":"task-list"}`
    const out = redactText(text)
    expect(out).not.toContain(SK)
    expect(out).not.toContain(TP)
    expect(out).toContain('http-mitm-proxy-something-long')
    expect(out).toContain('task-list')
  })

  it('returns the same buffer when nothing is key-like', () => {
    const body = Buffer.from('{"messages":[{"role":"user","content":"hello"}]}')
    expect(redactBody(body)).toBe(body)
  })
})

describe('redaction on bytes', () => {
  it('finds a key split across two chunks of a stream', () => {
    const text = Buffer.from(`${'a'.repeat(1000)} ${TP} ${'b'.repeat(1000)}`)
    for (const cut of [1000, 1002, 1010, 1017]) {
      const scanner = new KeyScanner()
      scanner.push(text.subarray(0, cut))
      expect(scanner.found).toBe(false)
      scanner.push(text.subarray(cut))
      expect(scanner.found, `cut at ${cut}`).toBe(true)
    }
  })

  it('replaces a long bearer token whole, and a key after Bearer once', () => {
    const jwt = 'eyJ' + 'x'.repeat(5000) + '.sig'
    const out = redactBytes(Buffer.from(`{"a":"Bearer ${jwt}","b":"Bearer ${SK}"}`)).toString()
    expect(out).not.toContain('xxxxxxxxxx')
    expect(out).not.toContain(SK)
    expect(out).toBe(`{"a":"Bearer ${fingerprint(jwt)}","b":"Bearer ${fingerprint(SK)}"}`)
  })

  it('agrees with the text redaction on text', () => {
    const text = `{"note":"use ${SK} or Bearer ${TP}, task-list, sk-short, tp-${'z'.repeat(40)}"}`
    expect(redactBytes(Buffer.from(text)).toString()).toBe(redactText(text))
  })
})
