// Calls that read a request as a timeline, diagnose it, diff it against its conversation, open a conversation
// (the list itself is in ../filter/view-handlers.ts).
import type { Diagnosis, ExchangeSummary, Protocol } from '../../../shared/types'
import type { Analysis } from '../analysis'
import { ownTraffic, type ConversationList } from '../conversation-list'
import type { Handlers } from '../handler-kit'
import { requestView } from '../protocols/request-view'
import type { Store } from '../store/store'

export interface ConversationHandlerDeps {
  store: Store
  analysis: Analysis
  conversations: ConversationList
  /** An exchange still in flight (held at a breakpoint): its format and request as JSON, read from memory. */
  liveRequest?: (id: string) => Promise<{ protocol: Protocol; body: unknown } | null>
  /** The lint of a request still in flight, with the evidence of the conversation it continues. */
  liveDiagnosis?: (id: string) => Promise<Diagnosis | null>
}

export function conversationHandlers({ store, analysis, conversations, liveRequest, liveDiagnosis }: ConversationHandlerDeps): Handlers<
  'exchanges:request-view' | 'exchanges:diagnose' | 'exchanges:turn-diff' | 'conversations:get'
> {
  return {
    'exchanges:request-view': async ({ id }) => {
      const record = store.get(id)
      if (record) return analysis.view(record)
      // Not recorded yet (paused at a breakpoint): the timeline of the request as it arrived.
      const live = await liveRequest?.(id)
      return live && live.protocol !== 'unknown' && live.body !== undefined ? requestView(live.protocol, live.body) : null
    },
    'exchanges:diagnose': async ({ id }) => {
      const record = store.get(id)
      if (record) return analysis.diagnosis(record)
      return (await liveDiagnosis?.(id)) ?? null
    },
    'exchanges:turn-diff': async ({ id }) => {
      const record = store.get(id)
      const conversationId = record?.summary.conversationId
      return record && conversationId ? analysis.turnDiff(record, conversations.exchanges(conversationId)) : null
    },
    'conversations:get': async ({ id }) => {
      const summary = conversations.get(id)
      if (!summary) return null
      const exchanges = conversations.exchanges(id)
      const session = summary.sessionId ? { id: summary.sessionId, threads: conversations.sessionThreads(summary.sessionId) } : null
      return { summary, exchanges, focusId: focusOf(exchanges), session }
    }
  }
}

/**
 * The request to open a conversation on: the agent's last failure if it ended in one, else its longest request
 * (replays and imported copies are branches; the agent's own traffic decides).
 */
export function focusOf(all: readonly ExchangeSummary[]): string {
  const exchanges = ownTraffic(all)
  const last = exchanges[exchanges.length - 1]
  if (last && ((last.status ?? 0) >= 400 || last.bodyError)) return last.id
  let best = last
  for (const e of exchanges) if (e.requestSize >= (best?.requestSize ?? 0) && (e.status ?? 0) < 400) best = e
  return (best ?? last ?? all[all.length - 1]).id
}
