// The whole request body, for a rule or breakpoint that needs it before anything goes upstream. With a
// content-length, each chunk is copied into one buffer as it arrives, so the copy overlaps the upload instead
// of adding a 1 MB concat (page faults of fresh memory included) after the last byte.
export class WholeBody {
  private readonly chunks: Buffer[] = []
  private readonly length: number | null
  private into: Buffer | null = null
  private filled = 0

  constructor(contentLength: string | undefined) {
    const n = Number(contentLength)
    // A length a client may lie about is not allocated on its word beyond this; the chunks are joined then.
    this.length = Number.isSafeInteger(n) && n > 0 && n <= MAX_UP_FRONT ? n : null
  }

  push(chunk: Buffer): void {
    this.chunks.push(chunk)
    // A body in one chunk needs no copy: the buffer is made when a second chunk comes.
    if (this.chunks.length === 2 && this.length !== null) {
      this.into = Buffer.allocUnsafeSlow(this.length)
      this.filled = 0
      this.copy(this.chunks[0])
    }
    if (this.into) this.copy(chunk)
    else this.filled += chunk.length
  }

  private copy(chunk: Buffer): void {
    if (this.into && this.filled + chunk.length <= this.into.length) chunk.copy(this.into, this.filled)
    this.filled += chunk.length
  }

  /** The body in one buffer (the chunk itself when there was one). */
  whole(): Buffer {
    if (this.chunks.length === 1) return this.chunks[0]
    if (this.into && this.filled === this.into.length) return this.into
    return Buffer.concat(this.chunks)
  }
}

const MAX_UP_FRONT = 64 * 1024 * 1024
