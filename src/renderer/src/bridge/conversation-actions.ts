// The open conversation: its detail (requests), which request's timeline is shown, and keeping both current.
import type { ConversationDetail } from '@shared/types'
import { getApi } from '../api/get-api'
import { isFailedRequest } from '../lib/format'
import { useAppStore } from '../store/app-store'
import { noteSummaries, syncAnalysis } from './analysis-actions'

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))

/** Open a conversation; with `requestId` that request's timeline is shown instead of the conversation's focus. */
export function openConversation(id: string, requestId?: string): void {
  const s = useAppStore.getState()
  s.setConvSelected(id)
  if (s.conversationId === id && s.conversation.status !== 'error') {
    if (requestId) selectRequest(requestId)
    return
  }
  s.setConversationId(id)
  s.setConversation({ key: id, status: 'loading' })
  s.setRequest(requestId ?? null, requestId !== undefined)
  // With a known request the timeline loads alongside the conversation.
  syncAnalysis()
  void loadConversation(id)
}

export function closeConversation(): void {
  useAppStore.getState().setConversationId(null)
  syncAnalysis()
}

/** Show this request's timeline (a click in the request strip). */
export function selectRequest(id: string): void {
  useAppStore.getState().setRequest(id, true)
  syncAnalysis()
}

/** `[` / `]`: the previous or next request of the open conversation. */
export function stepRequest(delta: number): void {
  const s = useAppStore.getState()
  if (s.conversation.status !== 'ready' || !s.conversation.value) return
  const list = s.conversation.value.exchanges
  if (list.length === 0) return
  const at = list.findIndex((e) => e.id === s.requestId)
  const next = Math.max(0, Math.min(list.length - 1, at === -1 ? (delta > 0 ? 0 : list.length - 1) : at + delta))
  if (list[next].id !== s.requestId) selectRequest(list[next].id)
}

async function loadConversation(id: string): Promise<void> {
  try {
    const detail = await getApi()['conversations:get']({ id })
    const s = useAppStore.getState()
    if (s.conversationId !== id) return
    s.setConversation({ key: id, status: 'ready', value: detail })
    if (detail) {
      const known = s.requestId !== null && detail.exchanges.some((e) => e.id === s.requestId)
      // Unless the user picked a request, follow the conversation's focus (a new failure, say).
      const focus = focusOf(detail)
      if (!(known && s.requestPinned) && s.requestId !== focus) s.setRequest(focus, false)
      noteSummaries(detail.exchanges)
    }
    syncAnalysis()
  } catch (err) {
    if (useAppStore.getState().conversationId !== id) return
    useAppStore.getState().setConversation({ key: id, status: 'error', error: message(err) })
  }
}

/**
 * The request to show. Replays are the user's experiments, branches beside the agent's own line: a replay that
 * answered 200 does not make the conversation's failure go away, so the agent's last request stays the focus
 * when it failed, and a replay is never the focus of a conversation that has requests of its own.
 */
export function focusOf(detail: ConversationDetail): string {
  const own = detail.exchanges.filter((e) => e.mode !== 'replay')
  const last = own[own.length - 1]
  if (!last) return detail.focusId
  if (isFailedRequest(last)) return last.id
  const core = detail.exchanges.find((e) => e.id === detail.focusId)
  return core && core.mode !== 'replay' ? detail.focusId : last.id
}

let refreshTimer: ReturnType<typeof setTimeout> | null = null

/** The open conversation gained a request or changed: refresh it, at most ~3 times a second. */
export function scheduleConversationRefresh(): void {
  if (refreshTimer !== null) return
  refreshTimer = setTimeout(() => {
    refreshTimer = null
    const id = useAppStore.getState().conversationId
    if (id) void loadConversation(id)
  }, 300)
}
