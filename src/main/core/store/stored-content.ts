// Everything a data folder holds, decoded: each record as JSON (deleted ones too, until a compaction drops
// them) and the bytes of each stored segment. For proving that a secret is nowhere on disk, and for a look
// inside a store while debugging; the app reads bodies through Store.
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { inflateRawSync } from 'node:zlib'
import { GenerationReader } from './generation'
import { FRAME, parseFrames } from './journal'
import { folderState, generationDir, JOURNAL_FILE } from './layout'
import { RecordDecoder } from './record-frames'

export function* storedContent(dir: string): Generator<[label: string, bytes: Buffer]> {
  const state = folderState(dir)
  if (state.format === 1) {
    if (existsSync(join(dir, 'exchanges.jsonl'))) yield ['exchanges.jsonl', readFileSync(join(dir, 'exchanges.jsonl'))]
    if (!existsSync(join(dir, 'blobs.idx'))) return
    const pack = readFileSync(join(dir, 'blobs.pack'))
    for (const line of readFileSync(join(dir, 'blobs.idx'), 'utf8').split('\n').filter(Boolean)) {
      const [hash, offset, stored] = line.split(' ')
      yield [`blob ${hash}`, inflateRawSync(pack.subarray(Number(offset), Number(offset) + Number(stored)))]
    }
    return
  }
  if (state.format !== 2) return
  const genDir = generationDir(dir, state.generation)
  const decoder = new RecordDecoder()
  for (const frame of parseFrames(readFileSync(join(genDir, JOURNAL_FILE))).frames) {
    if (frame.type !== FRAME.record) continue
    const record = decoder.decode(frame.payload)
    if (record) yield [`record ${record.summary.id}`, Buffer.from(JSON.stringify(record))]
  }
  const reader = new GenerationReader(dir, state.generation, genDir)
  try {
    const segments = reader.view.index.segments
    for (let i = 0; i < segments.length; i++) yield [`segment ${i}`, reader.view.index.segmentBytes(i)]
  } finally {
    reader.close()
  }
}
