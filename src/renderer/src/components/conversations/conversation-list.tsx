import { closeConversation } from '../../bridge/conversation-actions'
import { moveConvSelection, openSelectedConversation } from '../../bridge/conversation-list-actions'
import { useMemo } from 'react'
import { useAppStore } from '../../store/app-store'
import { conversationHead } from '../list-tools/column-controls'
import { arrangeColumns } from '../shared/list-columns'
import { VirtualList } from '../shared/virtual-list'
import { CONVERSATION_COLUMNS } from './conversation-columns'
import { ConversationRow } from './conversation-row'
import './conversations.css'

const selectedIndex = (): number => {
  const s = useAppStore.getState()
  return s.convSelectedId === null ? -1 : s.convIds.lastIndexOf(s.convSelectedId)
}

/** One row per agent session, oldest first; follows new ones while scrolled to the bottom. */
export function ConversationList() {
  const count = useAppStore((s) => s.convIds.length)
  const loaded = useAppStore((s) => s.convLoaded)
  const listError = useAppStore((s) => s.convListError)
  const narrowed = useAppStore((s) => s.convMode === 'view')
  const choices = useAppStore((s) => s.conversationColumns)
  const sort = useAppStore((s) => s.conversationSort)
  const columns = useMemo(() => arrangeColumns(CONVERSATION_COLUMNS, choices), [choices])
  const head = useMemo(() => conversationHead(CONVERSATION_COLUMNS), [sort, choices])
  return (
    <VirtualList
      label="Conversations"
      testId="conversation-list"
      columns={columns}
      head={head}
      count={count}
      error={listError}
      empty={
        loaded &&
        (narrowed ? (
          <div className="notice muted list-empty" data-testid="conversations-empty">
            No conversation matches. Edit the filter or turn off Errors only.
          </div>
        ) : (
          <div className="notice muted list-empty" data-testid="conversations-empty">
            No conversations yet. Requests join a conversation once they are recorded; an imported session shows up
            here too (Open file…, or drop it on the window).
          </div>
        ))
      }
      selectedIndex={selectedIndex}
      move={moveConvSelection}
      open={openSelectedConversation}
      close={closeConversation}
      row={(index, top, height, key) => <ConversationRow key={key} index={index} top={top} height={height} />}
    />
  )
}
