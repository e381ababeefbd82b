import type { ExchangeSummary } from '@shared/types'
import { formatBytes, formatCount, formatDateTime, formatMs, isInFlight, statusTone } from '../../lib/format'
import { showConversation } from '../../bridge/view-actions'
import { useAppStore } from '../../store/app-store'
import { CompareButton } from '../compare/compare-button'
import { ExchangeActions } from './exchange-actions'
import { ClientChip } from '../clients/client-chip'
import { ModeTag } from './mode-tag'
import './exchanges.css'

function Metric({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <span className="metric" title={title}>
      <span className="metric-label">{label}</span>
      <span className="metric-value">{value}</span>
    </span>
  )
}

export function DetailSummary({ summary, onClose }: { summary: ExchangeSummary | undefined; onClose: () => void }) {
  const statusMessage = useAppStore((s) =>
    s.detail.status === 'ready' ? (s.detail.value?.response?.statusMessage ?? null) : null
  )
  if (!summary) {
    return (
      <div className="detail-summary">
        <span className="muted">Loading…</span>
        <button className="btn btn-icon detail-close" onClick={onClose} aria-label="Close detail" title="Close (Esc)">
          ×
        </button>
      </div>
    )
  }
  const tone = statusTone(summary)
  const u = summary.usage
  return (
    <div className="detail-summary">
      <div className="detail-line">
        <span className={`status-pill pill-${tone}`} data-testid="detail-status">
          {isInFlight(summary) && <span className="spinner" aria-hidden />}
          {summary.status ?? summary.state}
          {statusMessage ? ` ${statusMessage}` : ''}
        </span>
        <span className="detail-method mono">{summary.method}</span>
        <span className="detail-path mono" title={summary.path}>
          {summary.path}
        </span>
        {summary.model && <span className="chip mono">{summary.model}</span>}
        {summary.stream && <span className="badge badge-sse">SSE</span>}
        <span className="chip">{summary.protocol}</span>
        <ClientChip client={summary.client} />
        <ModeTag mode={summary.mode} />
        {summary.state !== 'completed' && <span className={`chip chip-state-${summary.state}`}>{summary.state}</span>}
        <span className="header-spacer" />
        <ExchangeActions summary={summary} />
        <CompareButton id={summary.id} />
        {summary.conversationId && (
          <button
            className="btn btn-small"
            data-testid="open-conversation"
            onClick={() => showConversation(summary.conversationId as string, summary.id)}
            title="The conversation this request belongs to, with this request's timeline"
          >
            Open conversation →
          </button>
        )}
        <button className="btn btn-icon detail-close" onClick={onClose} aria-label="Close detail" title="Close (Esc)">
          ×
        </button>
      </div>
      <div className="detail-line detail-upstream mono" title="Upstream URL">
        <span className="dim">→</span> {summary.upstreamUrl}
      </div>
      <div className="detail-line metrics">
        <Metric label="Started" value={formatDateTime(summary.startedAt)} />
        <Metric label="Duration" value={formatMs(summary.durationMs)} />
        <Metric label="TTFB" value={formatMs(summary.ttfbMs)} />
        <Metric label="Request" value={formatBytes(summary.requestSize)} title={`${summary.requestSize} bytes`} />
        <Metric label="Response" value={formatBytes(summary.responseSize)} title={`${summary.responseSize} bytes`} />
        {u && (
          <>
            <Metric label="In" value={formatCount(u.inputTokens)} title="input tokens" />
            <Metric label="Out" value={formatCount(u.outputTokens)} title="output tokens" />
            {u.cacheReadTokens !== null && <Metric label="Cache read" value={formatCount(u.cacheReadTokens)} />}
            {u.reasoningTokens !== null && <Metric label="Reasoning" value={formatCount(u.reasoningTokens)} />}
          </>
        )}
        <Metric label="Id" value={summary.id} />
      </div>
      {summary.error && (
        <div className="error-box" role="alert" data-testid="transport-error">
          <strong>Transport error</strong> {summary.error}
        </div>
      )}
      {summary.bodyError && (
        <div className="error-box" role="alert" data-testid="body-error">
          <strong>Error in the body</strong> {summary.bodyError}
        </div>
      )}
    </div>
  )
}
