// The journal: an append-only file of typed frames (segments of body bytes, chunk lists, exchange records,
// tombstones). A frame is `u32 length | u8 type | payload | u32 crc32`, written in one write. A kill can only
// leave a torn last frame, which readers stop before and the writer cuts off on open; a frame whose CRC does
// not match (a damaged disk, not a crash) is skipped by its length, and it names its own object ids, so
// nothing after it shifts.
import { closeSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs'
import { crc32 } from './bytes'

export const FRAME = { segment: 1, list: 2, record: 3, tombstone: 4 } as const

const MAX_FRAME = 1 << 30

export function encodeFrame(type: number, payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(payload.length + 9)
  out.writeUInt32LE(payload.length + 1, 0)
  out[4] = type
  out.set(payload, 5)
  out.writeUInt32LE(crc32(out, 4, 5 + payload.length), 5 + payload.length)
  return out
}

export interface Frame {
  type: number
  payload: Buffer
}

export interface ParsedFrames {
  frames: Frame[]
  /** Offset (relative to the buffer) after the last complete frame: where a writer appends next. */
  end: number
  /** Complete frames whose checksum did not match. */
  damaged: number
}

export function parseFrames(buf: Buffer): ParsedFrames {
  const frames: Frame[] = []
  let at = 0
  let damaged = 0
  while (at + 4 <= buf.length) {
    const length = buf.readUInt32LE(at)
    if (length === 0 || length > MAX_FRAME || at + length + 8 > buf.length) break
    const crc = buf.readUInt32LE(at + 4 + length)
    if (crc32(buf, at + 4, at + 4 + length) === crc) frames.push({ type: buf[at + 4], payload: buf.subarray(at + 5, at + 4 + length) })
    else damaged++
    at += length + 8
  }
  return { frames, end: at, damaged }
}

/** Reads `path` from `from` to its current end. */
export function readTail(fd: number, from: number): Buffer {
  const size = fstatSync(fd).size
  if (size <= from) return Buffer.alloc(0)
  const buf = Buffer.allocUnsafe(size - from)
  let read = 0
  while (read < buf.length) {
    const n = readSync(fd, buf, read, buf.length - read, from + read)
    if (n === 0) break
    read += n
  }
  return buf.subarray(0, read)
}

/** An append-only file that is only ever cut back to a length it had before (a failed or torn write). */
export class AppendFile {
  private readonly fd: number
  size: number

  constructor(path: string, keep?: number) {
    this.fd = openSync(path, 'a+')
    this.size = fstatSync(this.fd).size
    if (keep !== undefined && keep < this.size) this.truncate(keep)
  }

  append(data: Uint8Array): void {
    const before = this.size
    try {
      let written = 0
      while (written < data.length) written += writeSync(this.fd, data, written, data.length - written)
    } catch (err) {
      // A partial write (disk full) must not leave half a frame for the next one to be glued to.
      try {
        this.truncate(before)
      } catch {
        /* the open after a restart cuts a torn tail anyway */
      }
      throw err
    }
    this.size += data.length
  }

  truncate(size: number): void {
    ftruncateSync(this.fd, size)
    this.size = size
  }

  readAll(): Buffer {
    return readTail(this.fd, 0)
  }

  get descriptor(): number {
    return this.fd
  }

  close(): void {
    closeSync(this.fd)
  }
}
