import type { ExchangeSummary } from '@shared/types'
import { isInFlight, statusTone } from '../../lib/format'
import './exchanges.css'

export function StatusCell({ summary }: { summary: ExchangeSummary }) {
  const tone = statusTone(summary)
  if (isInFlight(summary)) {
    return (
      <span className={`status status-${tone}`} title={summary.state}>
        <span className="spinner" aria-hidden />
        {summary.status !== null ? `${summary.status} ` : ''}
        <span className="muted">{summary.state === 'pending' ? 'pending' : 'streaming'}</span>
      </span>
    )
  }
  if (summary.state === 'failed' || summary.error) {
    return (
      <span className={`status status-${tone}`} title={summary.error ?? 'failed'}>
        {summary.status ?? '✕'} {summary.status === null ? 'failed' : ''}
      </span>
    )
  }
  if (summary.state === 'aborted') {
    return (
      <span className={`status status-${tone}`} title="Client went away before the response ended">
        {summary.status ?? ''} aborted
      </span>
    )
  }
  if (summary.bodyError && (summary.status === null || summary.status < 400)) {
    return (
      <span className={`status status-${tone}`} title={`Error inside the body: ${summary.bodyError}`} data-body-error="true">
        {summary.status ?? ''} <span className="body-error-tag">error in body</span>
      </span>
    )
  }
  return <span className={`status status-${tone}`}>{summary.status ?? '—'}</span>
}
