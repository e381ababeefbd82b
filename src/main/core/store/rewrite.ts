// Writes a whole new generation from records and a way to read their bodies: the migration from format 1
// and compaction both do this, then switch to it with commitGeneration. Bodies are stored again from their
// bytes, so the new generation is deduplicated and compressed as if it had been recorded by this version.
import { freshGeneration } from './layout'
import { GenerationWriter } from './generation-writer'
import type { BodyKind } from './body-writer'
import type { ExchangeRecord } from './record'
import type { BodyRef } from './refs'

export interface RecordSource {
  records: readonly ExchangeRecord[]
  getBody(ref: BodyRef): Buffer
}

export interface RewriteProgress {
  records: number
  total: number
}

export interface RewriteResult {
  records: number
  /** Bodies that could not be read from the source (already damaged there); their records keep no body. */
  unreadable: number
}

export function writeGeneration(dir: string, generation: number, source: RecordSource, onProgress?: (p: RewriteProgress) => void): RewriteResult {
  const writer = new GenerationWriter(dir, generation, freshGeneration(dir, generation))
  let unreadable = 0
  try {
    const copy = (ref: BodyRef | null | undefined, kind: BodyKind): BodyRef | null => {
      if (!ref) return null
      let bytes: Buffer
      try {
        bytes = source.getBody(ref)
      } catch {
        unreadable++
        return null
      }
      return writer.putBody(bytes, kind)
    }
    let done = 0
    let lastReport = 0
    for (const r of source.records) {
      const record: ExchangeRecord = {
        ...r,
        ...(r.group ? { group: { ...r.group, key: copy(r.group.key, 'group-key') } } : {}),
        request: { ...r.request, body: copy(r.request.body, 'request'), ...(r.request.original !== undefined ? { original: copy(r.request.original, 'request') } : {}) },
        response: r.response ? { ...r.response, body: copy(r.response.body, 'response'), chunkTimes: copy(r.response.chunkTimes, 'chunk-times') } : null
      }
      // A body reference this copy does not know would point into the old files after the switch.
      for (const m of JSON.stringify(record).matchAll(/"ref":"([^"]*)"/g)) {
        if (!m[1].startsWith(`g${generation}:`)) throw new Error(`record ${r.summary.id} holds a body reference the rewrite does not copy (${m[1]})`)
      }
      writer.append(record)
      done++
      if (onProgress && (done === source.records.length || performance.now() - lastReport > 100)) {
        lastReport = performance.now()
        onProgress({ records: done, total: source.records.length })
      }
    }
    return { records: done, unreadable }
  } finally {
    writer.close()
  }
}
