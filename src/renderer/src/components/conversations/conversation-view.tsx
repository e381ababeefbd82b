import { useCallback, useMemo } from 'react'
import { isFailedRequest } from '../../lib/format'
import { closeConversation } from '../../bridge/conversation-actions'
import { useAppStore } from '../../store/app-store'
import { AnalysisView } from '../diagnosis/analysis-view'
import { ConversationHeader } from './conversation-header'
import { MinimizePanel } from '../minimize/minimize-panel'
import { RequestStrip } from './request-strip'
import { SessionThreads } from './session-threads'

/** The open conversation: its requests as a strip and the chosen request analysed (diagnosis + timeline). */
export function ConversationView() {
  const id = useAppStore((s) => s.conversationId)
  const conversation = useAppStore((s) => s.conversation)
  const requestId = useAppStore((s) => s.requestId)
  const live = useAppStore((s) => (s.conversationId ? s.convById.get(s.conversationId) : undefined))
  const detail = conversation.status === 'ready' ? conversation.value : null
  const summary = live ?? detail?.summary

  const baseLabel = useCallback(
    (exchangeId: string) => {
      const at = detail?.exchanges.findIndex((e) => e.id === exchangeId) ?? -1
      if (at < 0) return null
      const e = detail!.exchanges[at]
      return `request #${at + 1} (${e.status ?? e.state})`
    },
    [detail]
  )

  const own = useMemo(() => {
    // The core counts the agent's own traffic (replays and imported copies are branches).
    if (summary) return { replays: summary.replays, endedInError: summary.endedInError }
    if (!detail) return undefined
    const mine = detail.exchanges.filter((e) => e.mode !== 'replay')
    const last = mine[mine.length - 1]
    return { replays: detail.exchanges.length - mine.length, endedInError: !!last && (isFailedRequest(last) || last.state === 'failed') }
  }, [detail, summary])

  if (!id) return null
  return (
    <section className="detail conv-view" data-testid="conversation-view" data-id={id} aria-label="Conversation">
      <ConversationHeader summary={summary} onClose={closeConversation} own={own} />
      {conversation.status === 'error' && (
        <div className="error-box" role="alert">
          Could not load this conversation: {conversation.error}
        </div>
      )}
      {conversation.status === 'ready' && !detail && <div className="notice">This conversation is no longer in the store.</div>}
      {detail?.session && detail.session.threads.length > 1 && <SessionThreads session={detail.session} openId={id} />}
      {detail && <RequestStrip exchanges={detail.exchanges} />}
      {requestId && <MinimizePanel id={requestId} />}
      {(conversation.status === 'loading' || detail) && <AnalysisView baseLabel={baseLabel} />}
    </section>
  )
}
