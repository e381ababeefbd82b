import type { ConversationSummary } from '@shared/types'
import { formatCount, formatDateTime, formatTime } from '../../lib/format'
import { ForkMarker } from './fork-marker'
import { BreakNextButton } from '../intercept/break-next-button'
import './conversations.css'

/**
 * `replays`: how many of its requests were sent from the replay editor, and whether the agent's own last
 * request failed. A replay that answered 200 is the user's experiment, not the conversation's outcome.
 */
export function ConversationHeader({
  summary,
  onClose,
  own
}: {
  summary: ConversationSummary | undefined
  onClose: () => void
  own?: { replays: number; endedInError: boolean }
}) {
  const failed = own && own.replays > 0 ? own.endedInError : (summary?.endedInError ?? false)
  return (
    <div className="detail-summary conv-summary">
      <div className="detail-line">
        {summary ? (
          <>
            <span className={`conv-state ${failed ? 'conv-state-error' : 'conv-state-ok'}`}>
              {failed ? 'ended in error' : 'ok'}
            </span>
            <span className="conv-view-title" title={summary.title}>
              {summary.title || '(untitled)'}
            </span>
            <span className="chip">{summary.protocol}</span>
            <BreakNextButton conversationId={summary.id} />
            {summary.model && <span className="chip mono">{summary.model}</span>}
            <span className="metric">
              <span className="metric-label">Requests</span>
              <span className="metric-value">{summary.requests}</span>
            </span>
            {own && own.replays > 0 && (
              <span className="metric" title="Requests sent again from the replay editor (branches of this conversation)">
                <span className="metric-label">Replays</span>
                <span className="metric-value replay-count">{own.replays}</span>
              </span>
            )}
            <span className="metric">
              <span className="metric-label">Turns</span>
              <span className="metric-value">{summary.turns}</span>
            </span>
            <span className="metric" title="input / output tokens">
              <span className="metric-label">Tokens</span>
              <span className="metric-value">
                {formatCount(summary.inputTokens)} / {formatCount(summary.outputTokens)}
              </span>
            </span>
            <span className="metric">
              <span className="metric-label">Errors</span>
              <span className={`metric-value${summary.errors > 0 ? ' text-red' : ''}`}>{summary.errors}</span>
            </span>
            <span className="metric" title={`${formatDateTime(summary.startedAt)} → ${formatDateTime(summary.lastAt)}`}>
              <span className="metric-label">Time</span>
              <span className="metric-value">
                {formatTime(summary.startedAt).slice(0, 8)} → {formatTime(summary.lastAt).slice(0, 8)}
              </span>
            </span>
            {summary.forkOf && <ForkMarker forkOf={summary.forkOf} forkAt={summary.forkAt} link />}
          </>
        ) : (
          <span className="muted">Loading…</span>
        )}
        <span className="header-spacer" />
        <button className="btn btn-icon detail-close" onClick={onClose} aria-label="Close conversation" title="Close (Esc)">
          ×
        </button>
      </div>
    </div>
  )
}
