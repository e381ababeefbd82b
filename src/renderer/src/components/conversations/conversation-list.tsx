import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useLayoutEffect, useRef } from 'react'
import { closeConversation } from '../../bridge/conversation-actions'
import { moveConvSelection, openSelectedConversation } from '../../bridge/conversation-list-actions'
import { hasModifier, isTypingTarget } from '../../lib/keys'
import { useAppStore } from '../../store/app-store'
import { CONVERSATION_COLUMNS, CONVERSATION_GRID } from './conversation-columns'
import { ConversationRow } from './conversation-row'
import { useKeepInView } from '../shared/use-keep-in-view'
import { ListHead } from '../shared/list-head'
import { useListKeys } from '../shared/use-list-keys'
import './conversations.css'

const ROW_HEIGHT = 22

/** One row per agent session, oldest first; follows new ones while scrolled to the bottom. */
export function ConversationList() {
  const count = useAppStore((s) => s.convIds.length)
  const loaded = useAppStore((s) => s.convLoaded)
  const listError = useAppStore((s) => s.convListError)
  const scroller = useRef<HTMLDivElement>(null)
  const atBottom = useRef(true)

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8
  })

  // Coming back to this view: show the selected row rather than the end; afterwards follow new rows at the bottom.
  const firstLayout = useRef(true)
  useLayoutEffect(() => {
    if (count === 0) return
    const s = useAppStore.getState()
    const at = firstLayout.current && s.convSelectedId !== null ? s.convIds.indexOf(s.convSelectedId) : -1
    firstLayout.current = false
    if (at >= 0 && at < count - 1) {
      atBottom.current = false
      virtualizer.scrollToIndex(at, { align: 'center' })
    } else if (atBottom.current) virtualizer.scrollToIndex(count - 1, { align: 'end' })
  }, [count, virtualizer])

  useKeepInView(scroller, virtualizer, {
    rowHeight: ROW_HEIGHT,
    count: () => useAppStore.getState().convIds.length,
    selectedIndex: () => {
      const s = useAppStore.getState()
      return s.convSelectedId === null ? -1 : s.convIds.lastIndexOf(s.convSelectedId)
    },
    atBottom
  })

  useEffect(() => {
    scroller.current?.focus({ preventScroll: true })
  }, [])

  // j / k / Escape also work while focus is elsewhere (the conversation view), except in form fields.
  useEffect(() => {
    const onWindowKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || hasModifier(e)) return
      if (scroller.current?.contains(e.target as Node) || isTypingTarget(e.target)) return
      let index: number | null = null
      if (e.key === 'j') index = moveConvSelection(1)
      else if (e.key === 'k') index = moveConvSelection(-1)
      else if (e.key === 'Escape' && !useAppStore.getState().setupOpen) closeConversation()
      else return
      e.preventDefault()
      if (index !== null) virtualizer.scrollToIndex(index, { align: 'auto' })
    }
    window.addEventListener('keydown', onWindowKey)
    return () => window.removeEventListener('keydown', onWindowKey)
  }, [virtualizer])

  const onScroll = () => {
    const el = scroller.current
    // The virtualizer knows the total height; reading scrollHeight here would force a layout on every scroll event.
    if (el) atBottom.current = virtualizer.getTotalSize() - el.scrollTop - el.clientHeight < ROW_HEIGHT * 1.5
  }

  const onKeyDown = useListKeys(scroller, virtualizer, ROW_HEIGHT, { move: moveConvSelection, open: openSelectedConversation, close: closeConversation })

  return (
    <div className="list" role="grid" aria-rowcount={count} aria-label="Conversations">
      <ListHead columns={CONVERSATION_COLUMNS} grid={CONVERSATION_GRID} error={listError} />
      {loaded && count === 0 && !listError && (
        <div className="notice muted list-empty" data-testid="conversations-empty">
          No conversations yet. Requests join a conversation once they are recorded; an imported session shows up
          here too (Open file…, or drop it on the window).
        </div>
      )}
      <div
        className="list-scroll"
        ref={scroller}
        tabIndex={0}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        data-testid="conversation-list"
        style={{ '--grid': CONVERSATION_GRID } as React.CSSProperties}
      >
        <div className="list-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => (
            <ConversationRow key={item.key} index={item.index} top={item.start} height={item.size} />
          ))}
        </div>
      </div>
    </div>
  )
}
