import { memo } from 'react'
import { PROVIDER_LABELS } from '@shared/provider-labels'
import { openExchange } from '../../bridge/detail-actions'
import { formatBytes, formatMs, formatTime, formatTokens, statusTone } from '../../lib/format'
import { useAppStore } from '../../store/app-store'
import { selectSummaryAt } from '../../store/selectors'
import { ClientCell } from '../clients/client-chip'
import { ModeTag } from './mode-tag'
import { PatchedBadge } from '../intercept/patched-diff'
import { StatusCell } from './status-cell'
import { ShownCells } from '../shared/virtual-list'
import { openMenu } from '../list-tools/context-menu'
import { exchangeMenu } from '../list-tools/exchange-menu'
import './exchanges.css'

interface Props {
  index: number
  top: number
  height: number
}

export const ExchangeRow = memo(function ExchangeRow({ index, top, height }: Props) {
  const summary = useAppStore(selectSummaryAt(index))
  const selected = useAppStore((s) => summary !== undefined && s.selectedId === summary.id)
  const open = useAppStore((s) => summary !== undefined && s.openId === summary.id)
  const style = { transform: `translateY(${top}px)`, height }

  if (!summary) {
    return (
      <div className="row row-placeholder" style={style} data-testid="exchange-row-placeholder" aria-hidden>
        <span className="cell muted">…</span>
      </div>
    )
  }

  const tone = statusTone(summary)
  const usage = summary.usage
  return (
    <div
      className={`row tone-${tone}${selected ? ' row-selected' : ''}${open ? ' row-open' : ''}`}
      style={style}
      role="row"
      aria-selected={selected}
      data-testid="exchange-row"
      data-id={summary.id}
      data-status={summary.status ?? ''}
      data-state={summary.state}
      data-body-error={summary.bodyError ? 'true' : undefined}
      data-pinned={summary.pinned ? 'true' : undefined}
      onMouseDown={(e) => {
        if (e.button === 0) openExchange(summary.id)
      }}
      onContextMenu={(e) => {
        useAppStore.getState().setSelected(summary.id)
        openMenu(e, 'Exchange', exchangeMenu(summary.id))
      }}
    >
      <ShownCells
        cells={{
          time: (
            <span className="cell cell-time" title={summary.startedAt}>
              {summary.pinned && (
                <span className="pin-mark" title="Pinned (stays after Clear; filter is:pinned)" data-testid="pin-mark">
                  ★
                </span>
              )}
              {formatTime(summary.startedAt)}
            </span>
          ),
          method: <span className="cell cell-method">{summary.method}</span>,
          path: (
            <span className="cell cell-path" title={summary.path}>
              {summary.mode !== 'reverse' && <ModeTag mode={summary.mode} />}
              <PatchedBadge summary={summary} />
              {summary.path}
            </span>
          ),
          model: (
            <span className="cell cell-model" title={summary.model ?? ''}>
              {summary.model ?? <span className="dim">—</span>}
            </span>
          ),
          provider: (
            <span className="cell cell-provider" data-testid="exchange-provider" data-provider={summary.provider ?? ''}>
              {summary.provider && summary.provider !== 'unknown' ? PROVIDER_LABELS[summary.provider] : <span className="dim">—</span>}
            </span>
          ),
          client: <ClientCell client={summary.client} />,
          stream: <span className="cell cell-stream">{summary.stream && <span className="badge badge-sse">SSE</span>}</span>,
          status: (
            <span className="cell cell-status">
              <StatusCell summary={summary} />
            </span>
          ),
          duration: <span className="cell num">{formatMs(summary.durationMs)}</span>,
          ttfb: <span className="cell num">{formatMs(summary.ttfbMs)}</span>,
          req: <span className="cell num">{formatBytes(summary.requestSize)}</span>,
          res: <span className="cell num">{summary.state === 'pending' ? '—' : formatBytes(summary.responseSize)}</span>,
          tokens: (
            <span
              className="cell num"
              title={
                usage
                  ? `in ${usage.inputTokens ?? '?'} · out ${usage.outputTokens ?? '?'} · cache read ${usage.cacheReadTokens ?? '—'} · reasoning ${usage.reasoningTokens ?? '—'}`
                  : ''
              }
            >
              {formatTokens(usage)}
            </span>
          )
        }}
      />
    </div>
  )
})
