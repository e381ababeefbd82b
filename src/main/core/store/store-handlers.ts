// Calls that change or search the store as a whole: delete exchanges (tombstones), compact (space back, in
// the persist worker that owns the writer), search bodies (streamed as events).
import { ApiArgError } from '../../../shared/api'
import type { CompactResult, DeleteResult, StoreProgress, StoreStatus, SearchResults } from '../../../shared/types'
import type { Handlers } from '../handler-kit'
import type { RewriteProgress } from './rewrite'
import type { BodySearchQuery } from './search'
import { SearchJobs } from './search-jobs'
import type { StoreControl, StoreControlResult } from './store-control'
import type { Store } from './store'

export interface StoreHandlerDeps {
  store: Store
  /** The writer's thread (the persist worker). */
  control<T extends StoreControlResult>(control: StoreControl, progress?: (p: RewriteProgress) => void): Promise<T>
  /** Exchanges still in flight cannot be deleted yet. */
  isLive(id: string): boolean
  /** The exchanges are gone from the store: update what was derived from them (their conversations). */
  deleted(ids: string[], conversationIds: Set<string>): void
  emit: {
    deleted(ids: string[]): void
    progress(p: StoreProgress): void
    search(results: SearchResults): void
    status(): void
  }
}

export class StoreOps {
  compacting = false
  private readonly searches: SearchJobs

  constructor(private readonly deps: StoreHandlerDeps) {
    this.searches = new SearchJobs(deps.store, deps.emit.search)
  }

  async delete(ids: string[]): Promise<DeleteResult> {
    const stored = [...new Set(ids)].filter((id) => this.deps.store.get(id) && !this.deps.isLive(id))
    const notStored = ids.filter((id) => !stored.includes(id))
    if (stored.length === 0) return { deleted: [], notStored }
    const { deleted } = await this.deps.control<{ deleted: string[] }>({ op: 'delete', ids: stored })
    const conversations = new Set(deleted.map((id) => this.deps.store.get(id)?.summary.conversationId).filter((c): c is string => !!c))
    this.deps.store.forget(deleted)
    this.deps.deleted(deleted, conversations)
    this.deps.emit.deleted(deleted)
    this.deps.emit.status()
    return { deleted, notStored: notStored.concat(stored.filter((id) => !deleted.includes(id))) }
  }

  /** A body search whose hits go out as `search:results` events (the list filter's body terms use it too). */
  search(query: BodySearchQuery): string {
    return this.searches.start(query)
  }

  cancelSearch(searchId: string): boolean {
    return this.searches.cancel(searchId)
  }

  async compact(): Promise<CompactResult> {
    if (this.compacting) throw new ApiArgError('a compaction is already running')
    this.compacting = true
    this.deps.emit.status()
    try {
      const result = await this.deps.control<CompactResult & { generation: number }>({ op: 'compact' }, (p) => this.deps.emit.progress({ op: 'compact', done: p.records, total: p.total }))
      this.deps.store.reload()
      return { records: result.records, bytesBefore: result.bytesBefore, bytesAfter: result.bytesAfter }
    } finally {
      this.compacting = false
      this.deps.emit.status()
    }
  }

  handlers(): Handlers<'exchanges:delete' | 'exchanges:search' | 'exchanges:search-cancel' | 'store:compact'> {
    return {
      'exchanges:delete': async ({ ids }) => this.delete(ids),
      'exchanges:search': async ({ text, caseSensitive, parts }) => ({ searchId: this.search({ text, caseSensitive, parts }) }),
      'exchanges:search-cancel': async ({ searchId }) => ({ cancelled: this.cancelSearch(searchId) }),
      'store:compact': async () => this.compact()
    }
  }

  /** What storeStatus adds. */
  status(): Pick<StoreStatus, 'deletedPending' | 'compacting'> {
    return { deletedPending: this.deps.store.deletedPending, compacting: this.compacting }
  }
}
