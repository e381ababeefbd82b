// Bodies as chunk lists over the blob pack. A ref is `c:<hash>` for a body that is one chunk, or
// `m:<hash>` for a manifest blob listing the chunk hashes in order. Concatenating the chunks gives the
// exact original bytes.
import { BlobPack } from './blob-pack'
import { chunkBoundaries } from './chunker'

export interface BodyRef {
  ref: string
  size: number
}

export function putBody(pack: BlobPack, data: Buffer): BodyRef {
  const ends = chunkBoundaries(data)
  if (ends.length <= 1) return { ref: `c:${pack.put(data)}`, size: data.length }
  const hashes: string[] = []
  let start = 0
  for (const end of ends) {
    hashes.push(pack.put(data.subarray(start, end)))
    start = end
  }
  return { ref: `m:${pack.put(Buffer.from(hashes.join('\n')))}`, size: data.length }
}

export function getBody(pack: BlobPack, ref: string): Buffer {
  const kind = ref.slice(0, 2)
  const hash = ref.slice(2)
  if (kind === 'c:') return pack.get(hash)
  if (kind === 'm:') {
    const hashes = pack.get(hash).toString('utf8').split('\n')
    return Buffer.concat(hashes.map((h) => pack.get(h)))
  }
  throw new Error(`unknown body reference ${JSON.stringify(ref)}`)
}
