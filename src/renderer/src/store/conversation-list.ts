// Pure functions for the conversation list: a map plus ids ordered as the server lists them (by session,
// then thread; shared/conversation-order.ts).
// The list is small next to the exchange list (one row per agent session), so it is loaded whole and kept
// current by `conversation:upserted`; rows are still virtualized.
// Relative import (not @shared) so Node-side tests can load this pure module without the renderer's aliases.
import { compareConversations } from '../../../shared/conversation-order'
import type { ConversationSummary } from '../../../shared/types'

export interface ConversationListState {
  convById: Map<string, ConversationSummary>
  /** Oldest first, like the exchange list. */
  convIds: string[]
}

export const emptyConversations = (): ConversationListState => ({ convById: new Map(), convIds: [] })

/** Of two snapshots of the same conversation, the later one: more requests, or a later last request. */
export function newerConversation(a: ConversationSummary, b: ConversationSummary): ConversationSummary {
  if (a.lastSeq !== b.lastSeq) return b.lastSeq > a.lastSeq ? b : a
  if (a.requests !== b.requests) return b.requests > a.requests ? b : a
  return b
}

function insertAt(ids: string[], byId: Map<string, ConversationSummary>, item: ConversationSummary): number {
  // New conversations almost always come last; search from the end.
  let i = ids.length
  while (i > 0) {
    const prev = byId.get(ids[i - 1])
    if (!prev || compareConversations(prev, item) <= 0) break
    i--
  }
  return i
}

/** Merge summaries (a loaded page or a batch of live events) into the list. */
export function mergeConversations(s: ConversationListState, items: readonly ConversationSummary[]): ConversationListState {
  if (items.length === 0) return s
  const convById = new Map(s.convById)
  let convIds: string[] | null = null
  for (const item of items) {
    const prev = convById.get(item.id)
    if (prev) {
      const next = newerConversation(prev, item)
      convById.set(item.id, next)
      // A thread's place changes only when its session's main thread or first request does.
      if (compareConversations(prev, next) !== 0 && (prev.thread !== next.thread || prev.sessionStartSeq !== next.sessionStartSeq)) {
        convIds ??= s.convIds.slice()
        convIds.splice(convIds.indexOf(item.id), 1)
        convIds.splice(insertAt(convIds, convById, next), 0, item.id)
      }
      continue
    }
    convById.set(item.id, item)
    convIds ??= s.convIds.slice()
    convIds.splice(insertAt(convIds, convById, item), 0, item.id)
  }
  return { convById, convIds: convIds ?? s.convIds }
}

/** Replace everything with a fresh snapshot, keeping live updates that are newer than it. */
export function replaceConversations(s: ConversationListState, items: readonly ConversationSummary[]): ConversationListState {
  const fresh = mergeConversations(emptyConversations(), [...items].sort(compareConversations))
  const carried: ConversationSummary[] = []
  for (const [id, old] of s.convById) {
    const now = fresh.convById.get(id)
    if (!now || newerConversation(now, old) === old) carried.push(old)
  }
  return mergeConversations(fresh, carried)
}

/** A filtered or sorted view as the core ordered it (no client-side order). */
export function conversationView(items: readonly ConversationSummary[]): ConversationListState {
  return { convById: new Map(items.map((c) => [c.id, c])), convIds: items.map((c) => c.id) }
}

/** Live changes in a filtered or sorted view: known rows change in place; the bridge asks the core again. */
export function updateConversationsInPlace(s: ConversationListState, items: readonly ConversationSummary[]): ConversationListState {
  const convById = new Map(s.convById)
  for (const item of items) {
    const prev = convById.get(item.id)
    if (prev) convById.set(item.id, newerConversation(prev, item))
  }
  return { ...s, convById }
}
