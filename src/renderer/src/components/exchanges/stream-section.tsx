import type { ReactNode } from 'react'
import { useAppStore } from '../../store/app-store'
import { BodySection } from './body-section'
import { EventsTable } from './events-table'
import { MessageView } from '../messages/message-view'
import './exchanges.css'

/** An event-stream response: the reassembled message beside the raw SSE events. */
export function StreamSection({ toolbar, contentType }: { toolbar: ReactNode; contentType: string | null }) {
  const openId = useAppStore((s) => s.openId)
  const stream = useAppStore((s) => s.stream)
  const key = openId ? `${openId}:stream` : null
  const mine = stream.key === key

  if (mine && stream.status === 'ready' && stream.value === null) {
    // The core says this response is not an event stream (an error answered as JSON, say): show the body.
    return <BodySection part="response" contentType={contentType} extraToolbar={toolbar} />
  }

  const view = mine && stream.status === 'ready' ? stream.value : null
  return (
    <div className="stream-section" data-testid="stream-section">
      <div className="section-toolbar">
        <span className="section-title">Event stream</span>
        {view && (
          <span className="body-facts muted">
            <span className="mono">{view.format}</span>
            <span>{view.events.length.toLocaleString('en-US')} {view.events.length === 1 ? 'event' : 'events'}</span>
          </span>
        )}
        <span className="header-spacer" />
        {toolbar}
      </div>
      {!mine || stream.status === 'loading' || stream.status === 'idle' ? (
        <div className="notice">Loading stream…</div>
      ) : stream.status === 'error' ? (
        <div className="error-box" role="alert">
          Could not parse the stream: {stream.error}
        </div>
      ) : (
        view && (
          <>
            {view.problems.length > 0 && (
              <div className="notice notice-warn" data-testid="stream-problems">
                <strong>{view.problems.length} parse problem{view.problems.length === 1 ? '' : 's'}:</strong>{' '}
                {view.problems.slice(0, 3).join(' · ')}
                {view.problems.length > 3 ? ' …' : ''}
              </div>
            )}
            <div className="stream-split">
              <section className="pane" data-testid="stream-message" aria-label="Reassembled message">
                <div className="pane-title">Message</div>
                <MessageView message={view.message} />
              </section>
              <section className="pane" data-testid="stream-events" aria-label="SSE events">
                <div className="pane-title">
                  Events <span className="muted">({view.events.length})</span>
                </div>
                <EventsTable events={view.events} />
              </section>
            </div>
          </>
        )
      )}
    </div>
  )
}
