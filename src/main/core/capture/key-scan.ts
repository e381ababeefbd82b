// Finding key-like strings in a body that arrives in chunks (a decoded stream) without holding it whole. Each
// chunk is searched on its own, and the seam between two chunks through a window that spans it.
import { keySpans } from './redact-bytes'

/** Longer than any prefix the patterns need to recognise a key, so a key split across chunks is still found. */
const SEAM = 512

export class KeyScanner {
  found = false
  private tail: Buffer = Buffer.alloc(0)

  push(chunk: Uint8Array): void {
    if (this.found || chunk.length === 0) return
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    const seam = Buffer.concat([this.tail, bytes.subarray(0, SEAM)])
    this.found = keySpans(seam, true).length > 0 || keySpans(bytes, true).length > 0
    this.tail = Buffer.from(bytes.length >= SEAM ? bytes.subarray(bytes.length - SEAM) : Buffer.concat([this.tail, bytes]).subarray(-SEAM))
  }
}

export function bytesHoldKey(bytes: Uint8Array): boolean {
  return keySpans(bytes, true).length > 0
}
