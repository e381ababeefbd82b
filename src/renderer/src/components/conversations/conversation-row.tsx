import { memo } from 'react'
import { openConversation } from '../../bridge/conversation-actions'
import { formatCount, formatTime } from '../../lib/format'
import { useAppStore } from '../../store/app-store'
import { selectConversationAt } from '../../store/selectors'
import { ForkMarker } from './fork-marker'
import { ThreadMarker } from './thread-marker'
import { ShownCells } from '../shared/virtual-list'
import { ClientCell } from '../clients/client-chip'
import './conversations.css'

interface Props {
  index: number
  top: number
  height: number
}

export const ConversationRow = memo(function ConversationRow({ index, top, height }: Props) {
  const c = useAppStore(selectConversationAt(index))
  const selected = useAppStore((s) => c !== undefined && s.convSelectedId === c.id)
  const open = useAppStore((s) => c !== undefined && s.conversationId === c.id)
  const style = { transform: `translateY(${top}px)`, height }
  if (!c) return null

  const statusClass = c.endedInError ? 'status-client-error' : c.lastStatus !== null && c.lastStatus < 300 ? 'status-ok' : 'muted'
  return (
    <div
      className={`row conv-row${c.endedInError ? ' conv-error' : ''}${selected ? ' row-selected' : ''}${open ? ' row-open' : ''}`}
      style={style}
      role="row"
      aria-selected={selected}
      data-testid="conversation-row"
      data-id={c.id}
      data-error={c.endedInError ? 'true' : 'false'}
      onMouseDown={(e) => {
        if (e.button === 0) openConversation(c.id)
      }}
    >
      <ShownCells
        cells={{
          first: (
            <span className="cell cell-time" title={c.startedAt}>
              {formatTime(c.startedAt)}
            </span>
          ),
          last: (
            <span className="cell cell-time" title={c.lastAt}>
              {formatTime(c.lastAt)}
            </span>
          ),
          title: (
            <span className="cell conv-title" title={c.title}>
              {c.thread && <ThreadMarker c={c} />}
              {c.forkOf && <ForkMarker forkOf={c.forkOf} forkAt={c.forkAt} />}
              <span className="conv-title-text">{c.title || <span className="dim">(untitled)</span>}</span>
            </span>
          ),
          protocol: <span className="cell muted">{c.protocol}</span>,
          model: (
            <span className="cell cell-model" title={c.model ?? ''}>
              {c.model ?? <span className="dim">—</span>}
            </span>
          ),
          client: <ClientCell client={c.client} testId="conversation-client" />,
          requests: <span className="cell num">{c.requests}</span>,
          turns: <span className="cell num">{c.turns}</span>,
          tokens: (
            <span className="cell num" title={`in ${c.inputTokens} · out ${c.outputTokens}`}>
              {formatCount(c.inputTokens)} / {formatCount(c.outputTokens)}
            </span>
          ),
          errors: (
            <span className={`cell num${c.errors > 0 ? ' conv-errors' : ' dim'}`} data-testid="conversation-errors">
              {c.errors}
            </span>
          ),
          status: (
            <span className={`cell status conv-status ${statusClass}`} title={c.endedInError ? 'The last request failed' : undefined}>
              {c.lastStatus ?? (c.endedInError ? '✕' : '—')}
              {c.endedInError && <span className="conv-ended"> failed</span>}
              {c.replays > 0 && (
                <span
                  className={`req-replay ${c.lastReplayFailed ? 'status-client-error' : 'status-ok'}`}
                  data-testid="conversation-replay-status"
                  title={`${c.replays} replay${c.replays === 1 ? '' : 's'} sent from the editor (branches); the last answered ${c.lastReplayStatus ?? 'nothing'}`}
                >
                  {' '}↳ {c.lastReplayStatus ?? '✕'}
                </span>
              )}
            </span>
          )
        }}
      />
    </div>
  )
})
