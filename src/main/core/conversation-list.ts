// Conversations as the list shows them, folded from the stored records (the persist worker assigns each
// record its conversation). Updated one record at a time; nothing here reads a body.
import type { ConversationSummary, ExchangeSummary } from '../../shared/types'
import type { ExchangeRecord } from './store/record'

export function failed(s: ExchangeSummary): boolean {
  return (s.status ?? 0) >= 400 || s.state === 'failed' || !!s.bodyError
}

export class ConversationList {
  private readonly byId = new Map<string, ConversationSummary>()
  private readonly members = new Map<string, ExchangeSummary[]>()

  constructor(records: readonly ExchangeRecord[] = []) {
    for (const r of records) this.apply(r)
  }

  /** Folds one stored record in; returns the conversation it changed, if any. */
  apply(record: ExchangeRecord): ConversationSummary | null {
    const s = record.summary
    const id = s.conversationId
    if (!id) return null
    const list = this.members.get(id) ?? []
    const at = list.findIndex((m) => m.id === s.id)
    if (at >= 0) list[at] = s
    else {
      let i = list.length
      while (i > 0 && list[i - 1].seq > s.seq) i--
      list.splice(i, 0, s)
    }
    this.members.set(id, list)
    const previous = this.byId.get(id)
    const first = list[0]
    const last = list[list.length - 1]
    const summary: ConversationSummary = {
      id,
      title: previous?.title && first.id !== s.id ? previous.title : (record.meta?.title ?? previous?.title ?? s.path),
      protocol: s.protocol,
      model: last.model ?? previous?.model ?? null,
      forkOf: previous?.forkOf ?? record.group?.forkOf ?? null,
      forkAt: previous?.forkAt ?? record.group?.forkAt ?? null,
      requests: list.length,
      turns: Math.max(previous?.turns ?? 0, record.meta?.messages ?? 0),
      firstSeq: first.seq,
      lastSeq: last.seq,
      startedAt: first.startedAt,
      lastAt: last.startedAt,
      inputTokens: list.reduce((n, m) => n + (m.usage?.inputTokens ?? 0), 0),
      outputTokens: list.reduce((n, m) => n + (m.usage?.outputTokens ?? 0), 0),
      errors: list.filter(failed).length,
      endedInError: failed(last),
      lastStatus: last.status
    }
    this.byId.set(id, summary)
    return summary
  }

  /** Oldest first, like the exchange list. */
  all(): ConversationSummary[] {
    return [...this.byId.values()].sort((a, b) => a.firstSeq - b.firstSeq)
  }

  get(id: string): ConversationSummary | undefined {
    return this.byId.get(id)
  }

  exchanges(id: string): ExchangeSummary[] {
    return this.members.get(id) ?? []
  }
}
