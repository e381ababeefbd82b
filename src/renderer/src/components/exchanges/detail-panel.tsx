import { useEffect, type ReactNode } from 'react'
import type { ExchangeSummary } from '@shared/types'
import { closeDetail, selectTab } from '../../bridge/detail-actions'
import { formatBytes, isFailedRequest } from '../../lib/format'
import { useAppStore } from '../../store/app-store'
import type { DetailTab } from '../../store/detail-slice'
import { useCompare } from '../../store/compare-store'
import { selectOpenSummary } from '../../store/selectors'
import { CompareView } from '../compare/compare-view'
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
  const pair = useCompare((s) => s.pair)
  // A comparison is shown on one of its two exchanges (opened from the second, either after a swap); opening
  // any other ends it.
  const comparing = pair !== null && (pair.a === openId || pair.b === openId)
  useEffect(() => {
    if (pair && !comparing) useCompare.getState().open(null)
  }, [pair, comparing])

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
      {pair && comparing ? <CompareView pair={pair} /> : <DetailTabs tab={tab} summary={summary} />}
    </section>
  )
}

function Tab({ id, current, title, children }: { id: DetailTab; current: DetailTab; title?: string; children: ReactNode }) {
  return (
    <button role="tab" className="tab" data-testid={`tab-${id}`} aria-selected={current === id} onClick={() => selectTab(id)} title={title}>
      {children}
    </button>
  )
}

/** The Request, Response, Side by side and Diagnosis tabs and what the chosen one shows. */
function DetailTabs({ tab, summary }: { tab: DetailTab; summary: ExchangeSummary | undefined }) {
  return (
    <>
      <div className="tabs" role="tablist">
        <Tab id="request" current={tab}>
          Request {summary && <span className="tab-meta">{formatBytes(summary.requestSize)}</span>}
        </Tab>
        <Tab id="response" current={tab}>
          Response{' '}
          {summary && (
            <span className="tab-meta">
              {summary.status ?? (summary.state === 'paused' ? 'not sent yet' : summary.state)} · {formatBytes(summary.responseSize)}
            </span>
          )}
        </Tab>
        <Tab id="both" current={tab} title="The request and the response side by side, each with its headers in full">
          Side by side
        </Tab>
        <Tab id="diagnosis" current={tab} title="Why it failed, or what MiMo would reject (n jumps to the culprit)">
          Diagnosis {summary && isFailedRequest(summary) && <span className="tab-alert" aria-label="failed" />}
        </Tab>
      </div>
      <div className="tab-body" role="tabpanel">
        {tab === 'request' ? (
          <RequestTab />
        ) : tab === 'response' ? (
          <ResponseTab />
        ) : tab === 'both' ? (
          <div className="side-by-side" data-testid="side-by-side">
            <RequestTab />
            <ResponseTab />
          </div>
        ) : (
          <div className="tab-content">
            <AnalysisView />
          </div>
        )}
      </div>
    </>
  )
}
