import type { ConversationDetail } from '@shared/types'
import { showConversation } from '../../bridge/view-actions'
import { shortId } from './thread-marker'

/** The other threads of the session this conversation belongs to, one click each. */
export function SessionThreads({ session, openId }: { session: NonNullable<ConversationDetail['session']>; openId: string }) {
  return (
    <div className="req-strip-bar" data-testid="session-threads" title={`Session ${session.id}: every thread its agent sent under this id`}>
      <span className="section-title">Session {shortId(session.id)}</span>
      <div className="req-strip" role="toolbar" aria-label="Threads of this session">
        {session.threads.map((t) => (
          <button
            key={t.id}
            className={`chip${t.id === openId ? ' chip-edited' : ''}${t.endedInError ? ' chip-state-failed' : ''}`}
            data-testid="session-thread"
            data-id={t.id}
            data-thread={t.thread ?? ''}
            disabled={t.id === openId}
            onClick={() => showConversation(t.id)}
            title={`${t.thread ?? 'thread'} · ${t.requests} request${t.requests === 1 ? '' : 's'} · ${t.title}`}
          >
            {t.thread ?? 'thread'}: {t.title.length > 40 ? `${t.title.slice(0, 39)}…` : t.title}
          </button>
        ))}
      </div>
    </div>
  )
}
