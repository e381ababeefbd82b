// Varints and a growable byte buffer for the store's binary journal; CRC-32 to tell a whole frame from a
// torn one.

export class ByteWriter {
  private buf = Buffer.allocUnsafe(256)
  private at = 0

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n))
    this.buf.copy(next, 0, 0, this.at)
    this.buf = next
  }

  /** Unsigned integer up to 2^53, 7 bits a byte. */
  uint(n: number): this {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a varint: ${n}`)
    this.room(8)
    while (n >= 0x80) {
      this.buf[this.at++] = (n % 0x80) | 0x80
      n = Math.floor(n / 0x80)
    }
    this.buf[this.at++] = n
    return this
  }

  /** Signed integer, zigzag-coded (small magnitudes are short either way). */
  int(n: number): this {
    return this.uint(n >= 0 ? n * 2 : -n * 2 - 1)
  }

  bytes(b: Uint8Array): this {
    this.room(b.length)
    this.buf.set(b, this.at)
    this.at += b.length
    return this
  }

  done(): Buffer {
    return this.buf.subarray(0, this.at)
  }
}

export class ByteReader {
  at = 0
  constructor(private readonly buf: Buffer) {}

  uint(): number {
    let n = 0
    let scale = 1
    for (;;) {
      if (this.at >= this.buf.length) throw new Error('varint runs past the end')
      const b = this.buf[this.at++]
      n += (b & 0x7f) * scale
      if (b < 0x80) return n
      scale *= 0x80
      if (scale > 2 ** 56) throw new Error('varint too long')
    }
  }

  int(): number {
    const z = this.uint()
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2
  }

  bytes(n: number): Buffer {
    if (this.at + n > this.buf.length) throw new Error('field runs past the end')
    const out = this.buf.subarray(this.at, this.at + n)
    this.at += n
    return out
  }

  rest(): Buffer {
    return this.bytes(this.buf.length - this.at)
  }

  get done(): boolean {
    return this.at >= this.buf.length
  }
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c
  }
  return t
})()

/** CRC-32 (IEEE), as zlib and gzip compute it (node:zlib has no crc32 before Node 22). */
export function crc32(data: Uint8Array, start = 0, end = data.length): number {
  let c = -1
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8)
  return (c ^ -1) >>> 0
}
