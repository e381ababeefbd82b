import { useEffect, useRef } from 'react'
import type { ExchangeSummary } from '@shared/types'
import { showExchange } from '../../bridge/view-actions'
import { useAppStore } from '../../store/app-store'
import { ExchangeActions } from '../exchanges/exchange-actions'
import { RequestChip } from './request-chip'
import './conversations.css'

/** The conversation's requests in order; pick one to see its timeline (also `[` and `]`). */
export function RequestStrip({ exchanges }: { exchanges: ExchangeSummary[] }) {
  const requestId = useAppStore((s) => s.requestId)
  const chosen = exchanges.find((e) => e.id === requestId)
  const live = useAppStore((s) => (requestId ? s.byId.get(requestId) : undefined))
  const box = useRef<HTMLDivElement>(null)

  // Keep the chosen chip in view without scrolling anything but the strip.
  useEffect(() => {
    const el = box.current
    const chip = el?.querySelector<HTMLElement>('.req-chip-selected')
    if (!el || !chip) return
    const left = chip.offsetLeft - el.offsetLeft
    if (left < el.scrollLeft) el.scrollLeft = left - 8
    else if (left + chip.offsetWidth > el.scrollLeft + el.clientWidth) el.scrollLeft = left + chip.offsetWidth - el.clientWidth + 8
  }, [requestId, exchanges.length])

  return (
    <div className="req-strip-bar" data-testid="request-strip">
      <span className="section-title">Requests</span>
      <div className="req-strip" ref={box} role="toolbar" aria-label="Requests of this conversation">
        {exchanges.map((e, i) => (
          <RequestChip key={e.id} base={e} n={i + 1} selected={e.id === requestId} />
        ))}
      </div>
      <span className="muted req-keys" title="Previous and next request: the [ and ] keys">
        <kbd>[</kbd>
        <kbd>]</kbd> step
      </span>
      {chosen && <ExchangeActions summary={live ?? chosen} />}
      {requestId && (
        <button className="btn btn-small" data-testid="open-exchange" onClick={() => showExchange(requestId, 'response')} title="Headers, raw bodies and the response stream of this request">
          Open exchange →
        </button>
      )}
    </div>
  )
}
