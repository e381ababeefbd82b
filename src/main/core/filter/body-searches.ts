// The body searches a list filter needs (`body:` terms, or free text with bodies on), run by the store's search
// and collected here as their results stream in, so the list can be filtered by "found so far" at any moment.
// A search runs once per text; one the filter stops using while it runs is cancelled (the machine has better
// things to do), finished ones are kept (the last few), so going back to a text is instant.
import type { BodySearchState } from '../../../shared/types'

/** What this needs of a `search:results` event (the store's search streams them). */
export interface SearchResults {
  searchId: string
  hits: Array<{ id: string }>
  scanned: number
  total: number
  done: boolean
  cancelled?: boolean
  error: string | null
}

export interface SearchBackend {
  start(text: string): Promise<string>
  cancel(searchId: string): Promise<unknown>
}

interface Search {
  text: string
  searchId: string | null
  exchanges: Set<string>
  conversations: Set<string>
  scanned: number
  total: number
  done: boolean
  cancelled: boolean
  error: string | null
}

const KEEP = 8

export class BodySearches {
  /** By folded text, least recently used first. */
  private readonly searches = new Map<string, Search>()
  private readonly byId = new Map<string, Search>()
  private readonly orphans = new Map<string, SearchResults[]>()

  constructor(
    private readonly backend: SearchBackend,
    private readonly conversationOf: (exchangeId: string) => string | null,
    /** Told when results arrived for a search a list depends on. */
    private readonly changed: () => void
  ) {}

  /** Starts what is missing among `texts`; returns whether anything is still searching. */
  ensure(texts: readonly string[]): BodySearchState | null {
    if (texts.length === 0) return null
    const wanted = texts.map(fold)
    for (const key of wanted) {
      const existing = this.searches.get(key)
      if (existing) {
        // Most recently used last.
        this.searches.delete(key)
        this.searches.set(key, existing)
        continue
      }
      const search: Search = { text: key, searchId: null, exchanges: new Set(), conversations: new Set(), scanned: 0, total: 0, done: false, cancelled: false, error: null }
      this.searches.set(key, search)
      this.backend.start(key).then(
        (id) => {
          search.searchId = id
          // Dropped while it was starting: stop it at once.
          if (this.searches.get(key) !== search) return void this.backend.cancel(id).catch(() => undefined)
          this.byId.set(id, search)
          for (const r of this.orphans.get(id) ?? []) this.apply(search, r)
          this.orphans.delete(id)
        },
        (err: unknown) => {
          search.done = true
          search.error = err instanceof Error ? err.message : String(err)
          this.changed()
        }
      )
    }
    this.evict(new Set(wanted))
    const states = wanted.map((k) => this.searches.get(k)!)
    const slowest = states.reduce((a, b) => (b.done ? a : !a.done || b.scanned < a.scanned ? b : a))
    return {
      texts: [...texts],
      scanned: slowest.scanned,
      total: slowest.total,
      done: states.every((s) => s.done),
      error: states.find((s) => s.error)?.error ?? null,
      searchIds: states.filter((s) => !s.done && s.searchId).map((s) => s.searchId!),
      cancelled: states.some((s) => s.cancelled)
    }
  }

  /** Whether the exchange's request or response body holds the text, as far as the search has got. */
  exchangeHas(text: string, id: string): boolean {
    return this.searches.get(fold(text))?.exchanges.has(id) ?? false
  }

  conversationHas(text: string, id: string): boolean {
    return this.searches.get(fold(text))?.conversations.has(id) ?? false
  }

  /** Feed every `search:results` event here. */
  onResults(results: SearchResults): void {
    const search = this.byId.get(results.searchId)
    if (search) return this.apply(search, results)
    // The start call has not answered yet; keep the batch for when it does (bounded: only ids we may own).
    if (this.orphans.size < 64) this.orphans.set(results.searchId, [...(this.orphans.get(results.searchId) ?? []), results])
  }

  private apply(search: Search, r: SearchResults): void {
    for (const hit of r.hits) {
      search.exchanges.add(hit.id)
      const conversation = this.conversationOf(hit.id)
      if (conversation) search.conversations.add(conversation)
    }
    search.scanned = r.scanned
    search.total = r.total
    search.done = r.done
    search.cancelled = !!r.cancelled
    search.error = r.error
    if (this.searches.get(search.text) === search) this.changed()
  }

  /** Someone deleted exchanges: they are no longer hits. */
  forget(ids: readonly string[]): void {
    for (const s of this.searches.values()) for (const id of ids) s.exchanges.delete(id)
  }

  private evict(keep: Set<string>): void {
    let finished = [...this.searches.values()].filter((s) => s.done && !keep.has(s.text)).length
    for (const [key, search] of this.searches) {
      if (keep.has(key)) continue
      // A stopped search is partial: the next time its text is wanted it runs again.
      if (search.done && !search.cancelled) {
        if (finished <= KEEP) continue
        finished--
      }
      this.searches.delete(key)
      if (search.searchId) this.byId.delete(search.searchId)
      if (!search.done) {
        if (search.searchId) void this.backend.cancel(search.searchId).catch(() => undefined)
        // Not started yet: its id, when it comes, finds no search and the batches are dropped as orphans.
      }
    }
  }
}

/** The store's search folds ASCII case, like the filter's free text. */
const fold = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase())
