// Loading the conversation list and moving through it. The whole list is loaded (in pages) because it is small
// next to the exchange list; live changes arrive as `conversation:upserted`.
import type { ConversationSummary } from '@shared/types'
import { getApi } from '../api/get-api'
import { useAppStore } from '../store/app-store'
import { openConversation } from './conversation-actions'

const PAGE = 5000

export async function loadConversations(): Promise<void> {
  const list = getApi()['conversations:list']
  const items: ConversationSummary[] = []
  try {
    for (let offset = 0; ; offset += PAGE) {
      const page = await list({ offset, limit: PAGE })
      items.push(...page.items)
      if (page.items.length === 0 || offset + page.items.length >= page.total) break
    }
    useAppStore.getState().replaceConversations(items)
    useAppStore.getState().setConvListError(null)
  } catch (err) {
    useAppStore.getState().setConvListError(`Loading conversations failed: ${err instanceof Error ? err.message : String(err)}`)
  }
}

let followTimer: ReturnType<typeof setTimeout> | null = null

/** Move the cursor; when a conversation is open it follows after a short pause (no fetch per keystroke). */
export function moveConvSelection(to: number | 'first' | 'last'): number | null {
  const s = useAppStore.getState()
  const count = s.convIds.length
  if (count === 0) return null
  let index: number
  if (to === 'first') index = 0
  else if (to === 'last') index = count - 1
  else {
    const current = s.convSelectedId === null ? -1 : s.convIds.lastIndexOf(s.convSelectedId)
    index = current === -1 ? (to > 0 ? 0 : count - 1) : current + to
  }
  index = Math.max(0, Math.min(count - 1, index))
  const id = s.convIds[index]
  s.setConvSelected(id)
  if (s.conversationId !== null && s.conversationId !== id) {
    if (followTimer !== null) clearTimeout(followTimer)
    followTimer = setTimeout(() => {
      followTimer = null
      const selected = useAppStore.getState().convSelectedId
      if (selected) openConversation(selected)
    }, 120)
  }
  return index
}

export function openSelectedConversation(): void {
  const id = useAppStore.getState().convSelectedId
  if (id) openConversation(id)
}
