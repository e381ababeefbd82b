// Body searches started from the UI: each runs as a cancellable job whose hits go out in batches (every
// 50 ms or 200 hits), so a search over thousands of exchanges shows its first results at once and never
// floods the event channel.
import { randomUUID } from 'node:crypto'
import type { SearchHit, SearchResults } from '../../../shared/types'
import { searchBodies, type BodySearchQuery } from './search'
import type { Store } from './store'

const BATCH_MS = 50
const BATCH_HITS = 200

export class SearchJobs {
  private readonly running = new Map<string, AbortController>()

  constructor(
    private readonly store: Store,
    private readonly emit: (results: SearchResults) => void
  ) {}

  start(query: BodySearchQuery): string {
    const searchId = randomUUID()
    const controller = new AbortController()
    this.running.set(searchId, controller)
    void this.run(searchId, query, controller.signal)
    return searchId
  }

  cancel(searchId: string): boolean {
    const c = this.running.get(searchId)
    c?.abort()
    return !!c
  }

  private async run(searchId: string, query: BodySearchQuery, signal: AbortSignal): Promise<void> {
    let hits: SearchHit[] = []
    let scanned = 0
    let total = this.store.records.length
    let reported = -1
    const flush = (done: boolean, error: string | null = null): void => {
      this.emit({ searchId, hits, scanned: done && !signal.aborted && !error ? total : scanned, total, done, cancelled: signal.aborted, error })
      hits = []
      reported = scanned
    }
    // Hits and progress go out at least every BATCH_MS while the search runs (it yields that often).
    const timer = setInterval(() => {
      if (hits.length > 0 || scanned !== reported) flush(false)
    }, BATCH_MS)
    try {
      for await (const hit of searchBodies(this.store, query, { signal, progress: (n, t) => ([scanned, total] = [n, t]) })) {
        hits.push(hit)
        // The first hit goes out at once: that is the wait a user feels.
        if (hits.length >= BATCH_HITS || reported < 0) flush(false)
      }
      flush(true)
    } catch (err) {
      flush(true, (err as Error).message)
    } finally {
      clearInterval(timer)
      this.running.delete(searchId)
    }
  }
}
