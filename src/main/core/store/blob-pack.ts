// Append-only, content-addressed blob storage: `blobs.pack` holds deflated blobs back to back, `blobs.idx`
// one line per blob (`hash offset storedLength rawLength`). Data is written before its index line, so a
// crash can only leave unindexed bytes at the end of the pack or a cut last index line, both skipped on open.
import { createHash } from 'node:crypto'
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, writeSync, ftruncateSync } from 'node:fs'
import { join } from 'node:path'
import { deflateRawSync, inflateRawSync } from 'node:zlib'

interface BlobLocation {
  offset: number
  stored: number
  raw: number
}

export function blobHash(data: Uint8Array): string {
  // 128 bits of SHA-256: collision-safe for any store a person will ever have, and half the index size.
  return createHash('sha256').update(data).digest('base64url').slice(0, 22)
}

export class BlobPack {
  private readonly index = new Map<string, BlobLocation>()
  private packFd: number
  private idxFd: number
  private packSize: number
  private readonly idxPath: string
  private readonly readOnly: boolean
  /** Bytes of blobs.idx already read (read-only packs follow a writer in another thread or process). */
  private idxRead = 0
  /** Index lines skipped on open because they were cut or pointed past the end of the pack. */
  readonly skippedOnOpen: number

  constructor(dir: string, options: { readOnly?: boolean } = {}) {
    const packPath = join(dir, 'blobs.pack')
    const idxPath = join(dir, 'blobs.idx')
    const readOnly = options.readOnly === true
    this.idxPath = idxPath
    this.readOnly = readOnly
    if (readOnly && !existsSync(packPath)) {
      this.packFd = this.idxFd = -1
      this.packSize = 0
      this.skippedOnOpen = 0
      return
    }
    this.packFd = openSync(packPath, readOnly ? 'r' : 'a+')
    this.packSize = fstatSync(this.packFd).size
    this.skippedOnOpen = existsSync(idxPath) ? this.loadIndex(idxPath) : 0
    this.idxFd = readOnly ? -1 : openSync(idxPath, 'a+')
    if (!readOnly) truncateToLastNewline(this.idxFd)
  }

  private loadIndex(path: string): number {
    const text = readFileSync(path).subarray(this.idxRead).toString('utf8')
    const complete = text.lastIndexOf('\n') + 1
    if (this.readOnly) {
      // Follow the writer: read only whole lines, and come back for the rest later.
      this.idxRead += Buffer.byteLength(text.slice(0, complete))
      this.packSize = this.packFd >= 0 ? fstatSync(this.packFd).size : 0
    }
    const lines = (this.readOnly ? text.slice(0, complete) : text).split('\n')
    // The last element is '' when the file ends with a newline; otherwise it is a cut line and untrustworthy.
    let skipped = lines.pop() ? 1 : 0
    for (const line of lines) {
      if (!line) continue
      const [hash, offset, stored, raw] = line.split(' ')
      const loc = { offset: Number(offset), stored: Number(stored), raw: Number(raw) }
      if (!hash || !Number.isSafeInteger(loc.offset) || !Number.isSafeInteger(loc.stored) || !Number.isSafeInteger(loc.raw) || loc.offset + loc.stored > this.packSize) {
        skipped++
        continue
      }
      this.index.set(hash, loc)
    }
    return skipped
  }

  has(hash: string): boolean {
    return this.index.has(hash)
  }

  get size(): number {
    return this.index.size
  }

  /** Stores `data` unless present; returns its hash. */
  put(data: Uint8Array): string {
    const hash = blobHash(data)
    if (this.index.has(hash)) return hash
    if (this.idxFd < 0) throw new Error('the blob pack was opened read-only')
    const stored = deflateRawSync(data, { level: 6 })
    const offset = this.packSize
    try {
      writeAll(this.packFd, stored)
    } catch (err) {
      // A partial write (disk full) must not shift every later blob: cut the pack back to where it was.
      undo(() => ftruncateSync(this.packFd, offset))
      throw err
    }
    this.packSize += stored.length
    try {
      writeAll(this.idxFd, Buffer.from(`${hash} ${offset} ${stored.length} ${data.length}\n`))
    } catch (err) {
      undo(() => truncateToLastNewline(this.idxFd))
      throw err
    }
    this.index.set(hash, { offset, stored: stored.length, raw: data.length })
    return hash
  }

  get(hash: string): Buffer {
    if (!this.index.has(hash) && this.readOnly) this.refresh()
    const loc = this.index.get(hash)
    if (!loc) throw new Error(`blob ${hash} is missing from the store`)
    const buf = Buffer.allocUnsafe(loc.stored)
    let read = 0
    while (read < loc.stored) {
      const n = readSync(this.packFd, buf, read, loc.stored - read, loc.offset + read)
      if (n === 0) throw new Error(`blob ${hash} is cut short in the pack file`)
      read += n
    }
    return inflateRawSync(buf)
  }

  /** Picks up blobs a writer appended since this pack was opened or last refreshed. */
  refresh(): void {
    if (this.packFd < 0) {
      if (!existsSync(join(this.idxPath, '..', 'blobs.pack'))) return
      this.packFd = openSync(join(this.idxPath, '..', 'blobs.pack'), 'r')
    }
    if (existsSync(this.idxPath)) this.loadIndex(this.idxPath)
  }

  close(): void {
    if (this.packFd >= 0) closeSync(this.packFd)
    if (this.idxFd >= 0) closeSync(this.idxFd)
    this.packFd = this.idxFd = -1
  }
}

export function writeAll(fd: number, data: Uint8Array): void {
  let written = 0
  while (written < data.length) written += writeSync(fd, data, written, data.length - written)
}

/** Drops a cut last line so the next append starts on a fresh line. */
export function truncateToLastNewline(fd: number): void {
  const size = fstatSync(fd).size
  if (size === 0) return
  const tail = Buffer.alloc(Math.min(size, 64 * 1024))
  let end = size
  while (end > 0) {
    const start = Math.max(0, end - tail.length)
    const n = readSync(fd, tail, 0, end - start, start)
    const nl = tail.subarray(0, n).lastIndexOf(0x0a)
    if (nl >= 0) {
      if (start + nl + 1 !== size) ftruncateSync(fd, start + nl + 1)
      return
    }
    end = start
  }
  ftruncateSync(fd, 0)
}

function undo(fn: () => void): void {
  try {
    fn()
  } catch {
    /* the original error is the one to report; the next open repairs a cut line anyway */
  }
}
