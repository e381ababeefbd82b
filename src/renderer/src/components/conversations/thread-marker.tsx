import type { ConversationSummary } from '@shared/types'

const LABEL = { main: 'session', side: 'side', title: 'title' } as const

/**
 * Where a thread sits in the session its agent named: the main thread carries the session tag (with its thread
 * count), side threads (sub-agents, other side requests) and title requests hang under it.
 */
export function ThreadMarker({ c }: { c: ConversationSummary }) {
  if (!c.thread || !c.sessionId) return null
  const hint = `${c.thread === 'main' ? 'Main thread' : c.thread === 'title' ? 'Title request' : 'Side thread'} of session ${c.sessionId} (${c.sessionThreads} thread${c.sessionThreads === 1 ? '' : 's'})`
  return (
    <span className={`tag thread-marker thread-${c.thread}`} data-testid="thread-marker" data-thread={c.thread} data-session={c.sessionId} title={hint}>
      {c.thread === 'main' ? `${LABEL.main} ${shortId(c.sessionId)}${c.sessionThreads > 1 ? ` · ${c.sessionThreads}` : ''}` : `↳ ${LABEL[c.thread]}`}
    </span>
  )
}

export function shortId(id: string): string {
  const bare = id.replace(/^ses_/, '')
  return bare.length > 8 ? bare.slice(0, 8) : bare
}
