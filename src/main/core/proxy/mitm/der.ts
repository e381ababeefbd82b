// The few DER (X.690) pieces an X.509 certificate needs. Node can sign and parse certificates but not build
// them; this keeps us off node-forge, whose pure-JS RSA would block the event loop for every new host.

export function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content)
  return Buffer.concat([Buffer.from([tag]), length(body.length), body])
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n])
  const bytes: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}

export const seq = (...items: Buffer[]): Buffer => tlv(0x30, ...items)
export const set = (...items: Buffer[]): Buffer => tlv(0x31, ...items)
export const octets = (b: Buffer): Buffer => tlv(0x04, b)
export const utf8 = (s: string): Buffer => tlv(0x0c, Buffer.from(s, 'utf8'))
export const bool = (v: boolean): Buffer => tlv(0x01, Buffer.from([v ? 0xff : 0]))
/** Context-specific tag `n`: constructed (EXPLICIT wrapper) or primitive (IMPLICIT value). */
export const ctx = (n: number, constructed: boolean, ...content: Buffer[]): Buffer => tlv((constructed ? 0xa0 : 0x80) | n, ...content)

/** A non-negative INTEGER from big-endian bytes (a leading 0 is added when the top bit is set). */
export function uint(bytes: Buffer): Buffer {
  let i = 0
  while (i < bytes.length - 1 && bytes[i] === 0) i++
  const trimmed = bytes.subarray(i)
  return tlv(0x02, trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed)
}

export function bitString(bytes: Buffer, unusedBits = 0): Buffer {
  return tlv(0x03, Buffer.from([unusedBits]), bytes)
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number)
  const out: number[] = [parts[0] * 40 + parts[1]]
  for (const p of parts.slice(2)) {
    const chunk: number[] = []
    let v = p
    do {
      chunk.unshift(v & 0x7f)
      v = Math.floor(v / 128)
    } while (v > 0)
    for (let i = 0; i < chunk.length - 1; i++) chunk[i] |= 0x80
    out.push(...chunk)
  }
  return tlv(0x06, Buffer.from(out))
}

/** UTCTime through 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
export function time(d: Date): Buffer {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z'
  return d.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(iso.slice(2))) : tlv(0x18, Buffer.from(iso))
}

export interface Element {
  tag: number
  /** The whole element, header included. */
  raw: Buffer
  content: Buffer
}

/** Splits a constructed element's content into its children. */
export function children(content: Buffer): Element[] {
  const out: Element[] = []
  let at = 0
  while (at < content.length) {
    // A tag with no length byte after it: `content[at + 1]` would read undefined and pass as length 0.
    if (at + 1 >= content.length) throw new Error('truncated DER header')
    const tag = content[at]
    let len = content[at + 1]
    let header = 2
    if (len & 0x80) {
      const n = len & 0x7f
      if (n === 0 || n > 4 || at + 2 + n > content.length) throw new Error('malformed DER length')
      len = 0
      for (let i = 0; i < n; i++) len = len * 256 + content[at + 2 + i]
      header += n
    }
    const end = at + header + len
    if (end > content.length) throw new Error('truncated DER element')
    out.push({ tag, raw: content.subarray(at, end), content: content.subarray(at + header, end) })
    at = end
  }
  return out
}
