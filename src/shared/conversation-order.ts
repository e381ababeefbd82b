// The conversation list's order, shared by the core (conversations:list) and the renderer (live inserts):
// by session (its first request), then the main thread, side threads and title requests, each by age.
// A conversation without a session sorts by its own first request.
import type { ConversationSummary, ThreadRole } from './types'

const ROLE_ORDER: Record<ThreadRole, number> = { main: 0, side: 1, title: 2 }

export function compareConversations(a: ConversationSummary, b: ConversationSummary): number {
  const sa = a.sessionStartSeq ?? a.firstSeq
  const sb = b.sessionStartSeq ?? b.firstSeq
  if (sa !== sb) return sa - sb
  if ((a.sessionId ?? null) !== (b.sessionId ?? null)) return (a.sessionId ?? '').localeCompare(b.sessionId ?? '')
  const ra = a.thread ? ROLE_ORDER[a.thread] : 0
  const rb = b.thread ? ROLE_ORDER[b.thread] : 0
  return ra !== rb ? ra - rb : a.firstSeq - b.firstSeq
}
