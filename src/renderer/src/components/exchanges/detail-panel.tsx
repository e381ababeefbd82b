import { closeDetail, selectTab } from '../../bridge/detail-actions'
import { formatBytes, isFailedRequest } from '../../lib/format'
import { useAppStore } from '../../store/app-store'
import { selectOpenSummary } from '../../store/selectors'
import { AnalysisView } from '../diagnosis/analysis-view'
import { DetailSummary } from './detail-summary'
import { MinimizePanel } from '../minimize/minimize-panel'
import { RequestTab } from './request-tab'
import { ResponseTab } from './response-tab'
import './exchanges.css'

export function DetailPanel() {
  const openId = useAppStore((s) => s.openId)
  const detail = useAppStore((s) => s.detail)
  const tab = useAppStore((s) => s.tab)
  const live = useAppStore(selectOpenSummary)
  const summary = live ?? (detail.status === 'ready' ? detail.value?.summary : undefined)

  if (!openId) return null
  return (
    <section className="detail" data-testid="detail-panel" data-id={openId} aria-label="Exchange detail">
      <DetailSummary summary={summary} onClose={closeDetail} />
      <MinimizePanel id={openId} />
      {detail.status === 'error' && (
        <div className="error-box" role="alert">
          Could not load this exchange: {detail.error}
        </div>
      )}
      {detail.status === 'ready' && detail.value === null && (
        <div className="notice">This exchange is no longer in the store.</div>
      )}
      <div className="tabs" role="tablist">
        <button
          role="tab"
          className="tab"
          data-testid="tab-request"
          aria-selected={tab === 'request'}
          onClick={() => selectTab('request')}
        >
          Request {summary && <span className="tab-meta">{formatBytes(summary.requestSize)}</span>}
        </button>
        <button
          role="tab"
          className="tab"
          data-testid="tab-response"
          aria-selected={tab === 'response'}
          onClick={() => selectTab('response')}
        >
          Response{' '}
          {summary && (
            <span className="tab-meta">
              {summary.status ?? summary.state} · {formatBytes(summary.responseSize)}
            </span>
          )}
        </button>
        <button
          role="tab"
          className="tab"
          data-testid="tab-diagnosis"
          aria-selected={tab === 'diagnosis'}
          onClick={() => selectTab('diagnosis')}
          title="Why it failed, or what MiMo would reject (n jumps to the culprit)"
        >
          Diagnosis {summary && isFailedRequest(summary) && <span className="tab-alert" aria-label="failed" />}
        </button>
      </div>
      <div className="tab-body" role="tabpanel">
        {tab === 'request' ? (
          <RequestTab />
        ) : tab === 'response' ? (
          <ResponseTab />
        ) : (
          <div className="tab-content">
            <AnalysisView />
          </div>
        )}
      </div>
    </section>
  )
}
