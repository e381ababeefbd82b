// A finished exchange on its way to the persist worker. Its bodies travel as parts whose memory is transferred
// with the message, so the proxy's thread never joins or copies a large body; the worker joins the parts.
import type { PersistInput } from './persist-job'

type ResponseInput = NonNullable<PersistInput['response']>

export interface PersistWire extends Omit<PersistInput, 'request' | 'response' | 'original'> {
  request: { parts: Uint8Array[]; cut: boolean }
  original?: { parts: Uint8Array[]; cut: boolean } | null
  response: (Omit<ResponseInput, 'bytes'> & { parts: Uint8Array[] }) | null
}

/** In the worker: one buffer per body, as persistJob takes it. */
export function fromWire(wire: PersistWire): PersistInput {
  const { request, response, original, ...rest } = wire
  const sides = { ...rest, request: { bytes: join(request.parts), cut: request.cut }, original: original ? { bytes: join(original.parts), cut: original.cut } : null }
  if (!response) return { ...sides, response: null }
  const { parts, ...head } = response
  return { ...sides, response: { ...head, bytes: join(parts) } }
}

function join(parts: Uint8Array[]): Uint8Array | null {
  if (parts.length === 0) return null
  return parts.length === 1 ? parts[0] : Buffer.concat(parts)
}

/** A body that did not pass through the proxy: one copy of its own, transferred. */
export function ownParts(body: Buffer, transfer: ArrayBuffer[]): Uint8Array[] {
  if (body.length === 0) return []
  const copy = new Uint8Array(body)
  transfer.push(copy.buffer as ArrayBuffer)
  return [copy]
}
