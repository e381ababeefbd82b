import { memo } from 'react'
import type { ExchangeSummary } from '@shared/types'
import { selectRequest } from '../../bridge/conversation-actions'
import { formatTime, isInFlight, statusTone } from '../../lib/format'
import { newerSummary } from '../../store/exchange-list'
import { useAppStore } from '../../store/app-store'
import './conversations.css'

/** One request of the conversation in the strip: its number and status, red when it failed. */
export const RequestChip = memo(function RequestChip({ base, n, selected }: { base: ExchangeSummary; n: number; selected: boolean }) {
  const live = useAppStore((s) => s.byId.get(base.id))
  const e = live ? newerSummary(base, live) : base
  const tone = statusTone(e)
  const failed = tone === 'client-error' || tone === 'server-error' || tone === 'failed'
  const replay = e.mode === 'replay'
  const label = isInFlight(e) ? e.state : e.bodyError && (e.status ?? 0) < 400 ? `${e.status ?? ''} err` : (e.status ?? e.state)
  return (
    <button
      className={`req-chip tone-${tone}${selected ? ' req-chip-selected' : ''}${replay ? ' req-chip-replay' : ''}`}
      data-testid="request-chip"
      data-id={e.id}
      data-status={e.status ?? ''}
      data-failed={failed ? 'true' : 'false'}
      data-mode={e.mode}
      aria-pressed={selected}
      onClick={() => selectRequest(e.id)}
      title={`${replay ? 'Replay (a branch: sent again from the editor) · ' : ''}#${n} · ${formatTime(e.startedAt)} · ${e.method} ${e.path} · ${e.status ?? e.state}${e.bodyError ? ` · ${e.bodyError}` : ''}${e.error ? ` · ${e.error}` : ''}`}
    >
      <span className="req-n">#{n}</span>
      {replay && (
        <span className="req-replay" data-testid="replay-marker">
          ↳ replay
        </span>
      )}
      <span className={`req-status status-${tone}`}>
        {isInFlight(e) && <span className="spinner" aria-hidden />}
        {label}
      </span>
    </button>
  )
})
