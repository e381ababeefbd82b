// Decoded views of raw body bytes. The raw bytes stay as received; decoding is lazy, capped (a gzip bomb
// cannot exhaust memory) and fails loudly: an unknown encoding is reported, never shown as identity.
import { brotliDecompressSync, gunzipSync, inflateSync, inflateRawSync } from 'node:zlib'
import { Decompress as ZstdDecompress } from 'fzstd'

export const DEFAULT_DECODE_CAP = 64 * 1024 * 1024

export interface DecodedBody {
  bytes: Buffer | null
  truncated: boolean
  note: string | null
}

/** A body as JSON, decoded first; undefined when it cannot be decoded or is not JSON. */
export function jsonOfBody(raw: Buffer, headers: Array<[string, string]>): unknown {
  const decoded = decodeContent(raw, headerValue(headers, 'content-encoding'))
  if (!decoded.bytes) return undefined
  try {
    return JSON.parse(decoded.bytes.toString('utf8'))
  } catch {
    return undefined
  }
}

export function decodeContent(raw: Buffer, encoding: string | null, cap = DEFAULT_DECODE_CAP): DecodedBody {
  const codings = (encoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity')
  let bytes = raw
  // Content-Encoding lists codings in the order applied; undo them last to first.
  for (const coding of codings.reverse()) {
    try {
      const opts = { maxOutputLength: cap }
      if (coding === 'gzip' || coding === 'x-gzip') bytes = gunzipSync(bytes, opts)
      else if (coding === 'br') bytes = brotliDecompressSync(bytes, opts)
      else if (coding === 'deflate') bytes = inflateOrRaw(bytes, cap)
      else if (coding === 'zstd') bytes = unzstd(bytes, cap)
      else return { bytes: null, truncated: false, note: `content-encoding "${coding}" is not supported for display; the raw bytes are kept` }
    } catch (err) {
      const e = err as NodeJS.ErrnoException
      if (e.code === 'ERR_BUFFER_TOO_LARGE') return { bytes: null, truncated: true, note: `decoded body is larger than ${cap} bytes; not shown` }
      return { bytes: null, truncated: false, note: `the ${coding} body does not decode (${e.message}); the raw bytes are kept` }
    }
  }
  if (bytes.length > cap) return { bytes: bytes.subarray(0, cap), truncated: true, note: `showing the first ${cap} bytes` }
  return { bytes, truncated: false, note: null }
}

class TooLarge extends Error {
  code = 'ERR_BUFFER_TOO_LARGE'
}

/** zstd through fzstd (Node 20 has no zstd), streamed so a bomb stops at the cap. */
function unzstd(bytes: Buffer, cap: number): Buffer {
  const parts: Uint8Array[] = []
  let size = 0
  const z = new ZstdDecompress((chunk) => {
    size += chunk.length
    if (size > cap) throw new TooLarge(`more than ${cap} bytes`)
    parts.push(chunk)
  })
  z.push(bytes, true)
  return Buffer.concat(parts)
}

function inflateOrRaw(bytes: Buffer, cap: number): Buffer {
  // "deflate" is zlib-wrapped by the spec but raw deflate in some servers' practice.
  try {
    return inflateSync(bytes, { maxOutputLength: cap })
  } catch {
    return inflateRawSync(bytes, { maxOutputLength: cap })
  }
}

export function headerValue(headers: Array<[string, string]>, name: string): string | null {
  const lower = name.toLowerCase()
  for (const [k, v] of headers) if (k.toLowerCase() === lower) return v
  return null
}
