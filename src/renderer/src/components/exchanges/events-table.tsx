import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef, useState } from 'react'
import type { SseEventView } from '@shared/types'
import { JsonBlock } from '../shared/json-block'
import './exchanges.css'

const ROW_HEIGHT = 20
const PREVIEW = 240

function prettyData(data: string): string {
  try {
    return JSON.stringify(JSON.parse(data), null, 2)
  } catch {
    return data
  }
}

/** The raw SSE events: name, data (one line, click to expand) and arrival time. Virtualized. */
export function EventsTable({ events }: { events: SseEventView[] }) {
  const scroller = useRef<HTMLDivElement>(null)
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set())

  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20
  })

  const toggle = (i: number) =>
    setExpanded((prev) => {
      const next = new Set(prev)
      if (next.has(i)) next.delete(i)
      else next.add(i)
      return next
    })

  if (events.length === 0) return <div className="pane-body notice muted">No events.</div>
  return (
    <div className="events">
      <div className="events-head mono">
        <span>#</span>
        <span>at</span>
        <span>event</span>
        <span>data</span>
      </div>
      <div className="events-scroll" ref={scroller}>
        <div className="events-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const ev = events[item.index]
            const open = expanded.has(item.index)
            const isError = ev.event === 'error' || /^\s*\{\s*"error"/.test(ev.data)
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className={`event-row mono${open ? ' event-open' : ''}${isError ? ' event-error' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
                data-testid="sse-event"
              >
                <button className="event-line" onClick={() => toggle(item.index)} aria-expanded={open}>
                  <span className="dim">{item.index}</span>
                  <span className="event-at">{ev.atMs === null ? '—' : `${Math.round(ev.atMs)} ms`}</span>
                  <span className={`event-name${ev.event ? '' : ' dim'}`}>{ev.event ?? '(data)'}</span>
                  <span className="event-data">
                    {ev.data.length > PREVIEW ? `${ev.data.slice(0, PREVIEW)}…` : ev.data}
                  </span>
                </button>
                {open && (
                  <div className="event-expanded">
                    <JsonBlock text={prettyData(ev.data)} />
                  </div>
                )}
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
