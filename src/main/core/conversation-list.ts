// Conversations as the list shows them, folded from the stored records (the persist worker assigns each
// record its conversation). Updated one record at a time; nothing here reads a body.
//
// A conversation's status (colour, error badge, last status) follows the agent's own traffic: what the proxy
// captured, or for an imported session its imported exchanges. A replay is a branch with its own status, and an
// imported copy of a recorded exchange is the same exchange again: neither counts as the agent's request.
// When the client names its session, the session is the parent of its threads: the main one (most requests),
// title requests, and side threads (sub-agents, other side requests); they sort together, main first.
import { compareConversations } from '../../shared/conversation-order'
import type { ClientInfo, ConversationSummary, ExchangeSummary, ThreadRole } from '../../shared/types'
import { sessionOfRecord } from './conversations/client-session'
import { listedClient } from './clients/record-client'
import type { ExchangeRecord } from './store/record'

export function failed(s: ExchangeSummary): boolean {
  return (s.status ?? 0) >= 400 || s.state === 'failed' || !!s.bodyError
}

/** The agent's own exchanges of a conversation: captured ones, else imported ones; never replays or copies. */
export function ownTraffic(members: readonly ExchangeSummary[]): ExchangeSummary[] {
  const captured = members.filter((m) => m.mode === 'reverse' || m.mode === 'mitm')
  if (captured.length > 0) return captured
  const imported = members.filter((m) => m.mode === 'import' && !m.duplicateOf)
  return imported.length > 0 ? imported : members.filter((m) => m.mode !== 'replay' && !m.duplicateOf)
}

interface SessionState {
  threads: Set<string>
  main: string | null
  /** seq of the session's first request: where the session sorts in the list. */
  startSeq: number
}

interface Thread {
  members: ExchangeSummary[]
  /** Members that are not replays or copies: what decides the session's main thread. */
  ownCount: number
  title: string | null
  turns: number
  kind: 'title' | null
  sessionId: string | null
  forkOf: string | null
  forkAt: number | null
  /** The client of its latest own request, and that request's seq. */
  client?: { value: ClientInfo | null; seq: number }
}

export class ConversationList {
  private readonly byId = new Map<string, ConversationSummary>()
  private readonly threads = new Map<string, Thread>()
  private readonly sessions = new Map<string, SessionState>()

  constructor(records: readonly ExchangeRecord[] = []) {
    this.rebuild(records)
  }

  /** Folds the records in from scratch (at start, and after exchanges were deleted). */
  rebuild(records: readonly ExchangeRecord[]): void {
    this.byId.clear()
    this.threads.clear()
    this.sessions.clear()
    for (const r of records) this.fold(r)
    for (const id of this.threads.keys()) this.byId.set(id, this.summarize(id))
  }

  /** Folds one stored record in; returns the conversations it changed (its own, and its session's threads). */
  apply(record: ExchangeRecord): ConversationSummary[] {
    const sessionId = record.summary.conversationId ? this.threads.get(record.summary.conversationId)?.sessionId : undefined
    const before = sessionId ? this.sessionFacts(sessionId) : null
    const id = this.fold(record)
    if (!id) return []
    const own = this.summarize(id)
    this.byId.set(id, own)
    const session = own.sessionId ? this.sessions.get(own.sessionId)! : null
    if (!session || (before !== null && before === this.sessionFacts(own.sessionId!))) return [own]
    // The session's main thread, first request or thread count changed: every thread's row says so.
    const changed = [own]
    for (const t of session.threads) {
      if (t === id) continue
      const now = this.summarize(t)
      this.byId.set(t, now)
      changed.push(now)
    }
    return changed
  }

  private sessionFacts(sessionId: string): string {
    const session = this.sessions.get(sessionId)
    return session ? `${session.main}|${session.startSeq}|${session.threads.size}` : ''
  }

  /** Session by session (oldest first), main thread first within one; conversations without a session by age. */
  all(): ConversationSummary[] {
    return [...this.byId.values()].sort(compareConversations)
  }

  get(id: string): ConversationSummary | undefined {
    return this.byId.get(id)
  }

  exchanges(id: string): ExchangeSummary[] {
    return this.threads.get(id)?.members ?? []
  }

  /** The threads of a session, in list order. */
  sessionThreads(sessionId: string): ConversationSummary[] {
    return [...(this.sessions.get(sessionId)?.threads ?? [])].map((id) => this.byId.get(id)!).filter(Boolean).sort(compareConversations)
  }

  private fold(record: ExchangeRecord): string | null {
    const s = record.summary
    const id = s.conversationId
    if (!id) return null
    let thread = this.threads.get(id)
    if (!thread) {
      const sessionId = s.sessionId !== undefined ? s.sessionId : (sessionOfRecord(record)?.id ?? null)
      thread = { members: [], ownCount: 0, title: null, turns: 0, kind: null, sessionId, forkOf: record.group?.forkOf ?? null, forkAt: record.group?.forkAt ?? null }
      this.threads.set(id, thread)
      if (sessionId) {
        const session = this.sessions.get(sessionId) ?? { threads: new Set<string>(), main: null, startSeq: s.seq }
        session.threads.add(id)
        this.sessions.set(sessionId, session)
      }
    }
    const list = thread.members
    const at = list.findIndex((m) => m.id === s.id)
    if (at >= 0) list[at] = s
    else {
      let i = list.length
      while (i > 0 && list[i - 1].seq > s.seq) i--
      list.splice(i, 0, s)
    }
    // The title and kind come from the conversation's first request; replays and copies never name it.
    const own = s.mode !== 'replay' && !s.duplicateOf
    if (own && (thread.title === null || list[0].id === s.id)) {
      thread.title = record.meta?.title ?? thread.title
      thread.kind = record.meta?.kind ?? null
    }
    if (own) thread.turns = Math.max(thread.turns, record.meta?.messages ?? 0)
    // The client of the latest own request: an agent upgraded mid-conversation shows its new version.
    if (own && (!thread.client || thread.client.seq <= s.seq)) thread.client = { value: listedClient(record), seq: s.seq }
    if (own && at < 0) thread.ownCount++
    const session = thread.sessionId ? this.sessions.get(thread.sessionId) : undefined
    if (session) {
      session.startSeq = Math.min(session.startSeq, s.seq)
      session.main = this.mainOf(session)
    }
    return id
  }

  /** Title requests aside, the thread with the most requests (the earliest on a tie). */
  private mainOf(session: SessionState): string | null {
    let main: Thread | null = null
    let mainId: string | null = null
    for (const t of session.threads) {
      const thread = this.threads.get(t)!
      if (thread.kind === 'title') continue
      if (!main || thread.ownCount > main.ownCount || (thread.ownCount === main.ownCount && thread.members[0].seq < main.members[0].seq)) {
        main = thread
        mainId = t
      }
    }
    return mainId
  }

  private summarize(id: string): ConversationSummary {
    const thread = this.threads.get(id)!
    const list = thread.members
    const first = list[0]
    const last = list[list.length - 1]
    const own = ownTraffic(list)
    const lastOwn = own[own.length - 1] ?? last
    const replays = list.filter((m) => m.mode === 'replay')
    const lastReplay = replays[replays.length - 1]
    const session = thread.sessionId ? this.sessions.get(thread.sessionId)! : null
    const role: ThreadRole | null = !session ? null : thread.kind === 'title' ? 'title' : session.main === id ? 'main' : 'side'
    return {
      id,
      title: thread.title ?? first.path,
      protocol: first.protocol,
      model: lastOwn.model ?? last.model ?? null,
      forkOf: thread.forkOf,
      forkAt: thread.forkAt,
      requests: list.length,
      turns: thread.turns,
      firstSeq: first.seq,
      lastSeq: last.seq,
      startedAt: first.startedAt,
      lastAt: last.startedAt,
      inputTokens: list.reduce((n, m) => n + (m.usage?.inputTokens ?? 0), 0),
      outputTokens: list.reduce((n, m) => n + (m.usage?.outputTokens ?? 0), 0),
      errors: own.filter(failed).length,
      endedInError: failed(lastOwn),
      lastStatus: lastOwn.status,
      sessionId: thread.sessionId,
      thread: role,
      sessionThreads: session ? session.threads.size : 1,
      sessionStartSeq: session ? session.startSeq : first.seq,
      replays: replays.length,
      lastReplayStatus: lastReplay ? lastReplay.status : null,
      lastReplayFailed: lastReplay ? failed(lastReplay) : null,
      client: thread.client?.value ?? null
    }
  }
}
