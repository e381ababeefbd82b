// Decoding a body as a stream of chunks, with no size cap, so every byte of a compressed body can be scanned
// (for keys) without holding the decoded whole in memory. Synchronous, so the persist job stays a plain
// function: gzip and deflate through fflate's streaming inflaters, zstd through fzstd (Node 20 has none).
// Brotli has no synchronous streaming decoder in Node or a kept pure-JS library, so it is decoded in one go
// up to BROTLI_SCAN_CAP; a larger brotli body counts as not decodable.
import { brotliDecompressSync } from 'node:zlib'
import { Gunzip, Inflate, Unzlib } from 'fflate'
import { Decompress as ZstdDecompress } from 'fzstd'

export const BROTLI_SCAN_CAP = 512 * 1024 * 1024
const SLICE = 64 * 1024

export type DecodeOutcome = { ok: true } | { ok: false; reason: string }

/** The content-codings of a Content-Encoding value, in the order they must be undone. */
export function codingsToUndo(encoding: string | null): string[] {
  return (encoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity')
    .reverse()
}

/** Feeds `onChunk` the decoded bytes in order. A coding it cannot undo, or bad data, ends it with a reason. */
export function decodeStream(raw: Uint8Array, encoding: string | null, onChunk: (chunk: Uint8Array) => void): DecodeOutcome {
  const codings = codingsToUndo(encoding)
  // Each coding feeds the next; the last one feeds the caller.
  let sink = onChunk
  const stages: Array<(chunk: Uint8Array, final: boolean) => void> = []
  for (let i = codings.length - 1; i >= 0; i--) {
    const stage = makeStage(codings[i], sink)
    if (typeof stage === 'string') return { ok: false, reason: stage }
    stages.unshift(stage)
    const next = stage
    sink = (chunk) => next(chunk, false)
  }
  if (stages.length === 0) {
    onChunk(raw)
    return { ok: true }
  }
  try {
    const first = stages[0]
    for (let at = 0; at < raw.length; at += SLICE) first(raw.subarray(at, Math.min(raw.length, at + SLICE)), false)
    // Flush each stage in order: a stage's final output reaches the next before it is flushed.
    for (const stage of stages) stage(new Uint8Array(0), true)
    return { ok: true }
  } catch (err) {
    return { ok: false, reason: `the ${codings.join(', ')} body does not decode (${(err as Error).message})` }
  }
}

type Stage = (chunk: Uint8Array, final: boolean) => void

function makeStage(coding: string, out: (chunk: Uint8Array) => void): Stage | string {
  if (coding === 'gzip' || coding === 'x-gzip') return pushInto(new Gunzip((d) => out(d)))
  if (coding === 'deflate') return deflateStage(out)
  if (coding === 'zstd') {
    const z = new ZstdDecompress((d) => out(d))
    return (chunk, final) => z.push(chunk, final)
  }
  if (coding === 'br') return brotliStage(out)
  return `content-encoding "${coding}" is unknown`
}

function pushInto(inflater: { push(chunk: Uint8Array, final?: boolean): void }): Stage {
  return (chunk, final) => inflater.push(chunk, final)
}

/** "deflate" is zlib-wrapped by the spec but raw deflate in some servers' practice: the first byte tells. */
function deflateStage(out: (chunk: Uint8Array) => void): Stage {
  let inner: Stage | null = null
  return (chunk, final) => {
    if (!inner) {
      if (chunk.length === 0 && !final) return
      const zlibHeader = chunk.length >= 2 && (chunk[0] & 0x0f) === 8 && ((chunk[0] << 8) | chunk[1]) % 31 === 0
      inner = pushInto(zlibHeader ? new Unzlib((d) => out(d)) : new Inflate((d) => out(d)))
    }
    inner(chunk, final)
  }
}

function brotliStage(out: (chunk: Uint8Array) => void): Stage {
  const parts: Uint8Array[] = []
  return (chunk, final) => {
    if (chunk.length > 0) parts.push(chunk)
    if (!final) return
    const decoded = brotliDecompressSync(Buffer.concat(parts), { maxOutputLength: BROTLI_SCAN_CAP })
    for (let at = 0; at < decoded.length; at += SLICE) out(decoded.subarray(at, Math.min(decoded.length, at + SLICE)))
  }
}
