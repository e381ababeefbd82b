// Store operations the app asks of the writer's thread (the persist worker owns the writer): they run in
// order with the exchanges being persisted, so a delete or a compaction never races a write.
import type { RewriteProgress } from './rewrite'
import type { CompactResult, StoreWriter } from './store-writer'

export type StoreControl = { op: 'delete'; ids: string[] } | { op: 'compact' }

export type StoreControlResult = { deleted: string[] } | CompactResult

export function runStoreControl(writer: StoreWriter, control: StoreControl, progress: (p: RewriteProgress) => void): StoreControlResult {
  if (control.op === 'delete') return { deleted: writer.delete(control.ids) }
  return writer.compact(progress)
}
