// Grouping with the client's own session id as the parent: a request that names its session is grouped by
// prefix lineage only among the requests of that session, so two runs of one agent with the same first prompt
// never merge, and a request that names none falls back to lineage among the others (ConversationIndex).
import { ConversationIndex, type IndexStats, type Placement } from './conversation-index'
import type { GroupKey } from './group-key'

export interface GroupEntry {
  id: string
  key: GroupKey
  /** The client's session id, or null when it names none. */
  session: string | null
}

export class SessionGrouper {
  private readonly unnamed = new ConversationIndex()
  private readonly sessions = new Map<string, ConversationIndex>()

  add(entry: GroupEntry): Placement {
    return this.indexFor(entry.session).add({ id: entry.id, key: entry.key })
  }

  stats(): IndexStats & { sessions: number } {
    const all = [this.unnamed, ...this.sessions.values()].map((i) => i.stats())
    const sum = (pick: (s: IndexStats) => number): number => all.reduce((n, s) => n + pick(s), 0)
    return { conversations: sum((s) => s.conversations), prefixes: sum((s) => s.prefixes), mapOperations: sum((s) => s.mapOperations), sessions: this.sessions.size }
  }

  private indexFor(session: string | null): ConversationIndex {
    if (session === null) return this.unnamed
    let index = this.sessions.get(session)
    if (!index) {
      index = new ConversationIndex()
      this.sessions.set(session, index)
    }
    return index
  }
}
