import { useEffect, useMemo, useState, type ReactNode } from 'react'
import type { ExchangeSummary } from '@shared/types'
import { openExchange } from '../../bridge/detail-actions'
import { diffJson, diffRows, type DiffRow } from '../../lib/json-diff'
import { formatBytes, formatMs, formatTime } from '../../lib/format'
import { useCompare, type ComparePair } from '../../store/compare-store'
import { JsonDiffView } from '../shared/json-diff-view'
import { headerObject, loadSide, type Side } from './load-side'
import './compare.css'

type Loaded = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; a: Side; b: Side }

function useSides(pair: ComparePair): Loaded {
  const [state, setState] = useState<Loaded>({ status: 'loading' })
  useEffect(() => {
    let alive = true
    setState({ status: 'loading' })
    Promise.all([loadSide(pair.a), loadSide(pair.b)]).then(
      ([a, b]) => alive && setState({ status: 'ready', a, b }),
      (err: unknown) => alive && setState({ status: 'error', error: err instanceof Error ? err.message : String(err) })
    )
    return () => {
      alive = false
    }
  }, [pair.a, pair.b])
  return state
}

/** What the list shows of an exchange, as one object: the facts row of the diff. */
function facts(s: ExchangeSummary): Record<string, unknown> {
  return {
    method: s.method,
    path: s.path,
    status: s.status,
    model: s.model,
    protocol: s.protocol,
    stream: s.stream,
    duration: formatMs(s.durationMs),
    request_size: formatBytes(s.requestSize),
    response_size: formatBytes(s.responseSize),
    input_tokens: s.usage?.inputTokens ?? null,
    output_tokens: s.usage?.outputTokens ?? null
  }
}

function rowsOf(a: unknown, b: unknown): DiffRow[] {
  return diffRows(diffJson(a, b))
}

function Section({ title, rows, same, testId }: { title: string; rows: DiffRow[]; same: string; testId: string }) {
  return (
    <section className="diff compare-section" data-testid={testId} data-changes={rows.length} aria-label={title}>
      <div className="diff-head">
        <span className="dx-label">{title}</span>
        <span className="dx-count">{rows.length === 0 ? 'same' : `${rows.length} ${rows.length === 1 ? 'difference' : 'differences'}`}</span>
      </div>
      {rows.length === 0 ? <div className="notice muted">{same}</div> : <JsonDiffView rows={rows} />}
    </section>
  )
}

function SideLabel({ tag, summary }: { tag: string; summary: ExchangeSummary }) {
  return (
    <button className="btn-link compare-side mono" onClick={() => {
        useCompare.getState().open(null)
        openExchange(summary.id)
      }} title={`Open this exchange (${summary.id})`} data-testid={`compare-side-${tag.toLowerCase()}`}>
      <span className="compare-tag">{tag}</span> {formatTime(summary.startedAt)} {summary.method} {summary.path}{' '}
      <span className={summary.status !== null && summary.status >= 400 ? 'status-client-error' : 'status-ok'}>{summary.status ?? summary.state}</span>
    </button>
  )
}

/** Two exchanges compared structurally: the facts, the response, the request body, then both sets of headers. */
export function CompareView({ pair }: { pair: ComparePair }) {
  const loaded = useSides(pair)
  const sections = useMemo(() => {
    if (loaded.status !== 'ready') return null
    const { a, b } = loaded
    return {
      facts: rowsOf(facts(a.detail.summary), facts(b.detail.summary)),
      request: rowsOf(a.request, b.request),
      requestHeaders: rowsOf(headerObject(a.detail.request.headers), headerObject(b.detail.request.headers)),
      response: rowsOf(a.response, b.response),
      responseHeaders: rowsOf(a.responseHeaders, b.responseHeaders)
    }
  }, [loaded])

  let body: ReactNode
  if (loaded.status === 'loading') body = <div className="notice">Loading both exchanges…</div>
  else if (loaded.status === 'error') body = <div className="error-box" role="alert">Could not compare: {loaded.error}</div>
  else if (sections)
    body = (
      <div className="compare-body">
        <Section title="Summary" rows={sections.facts} same="The same method, path, status, model and sizes." testId="compare-facts" />
        <Section title="Response" rows={sections.response} same="The same status, error, stop reason and content." testId="compare-response" />
        <Section title="Request body" rows={sections.request} same="The same request body (only formatting may differ)." testId="compare-request" />
        <Section title="Request headers" rows={sections.requestHeaders} same="The same request headers." testId="compare-request-headers" />
        <Section title="Response headers" rows={sections.responseHeaders} same="The same response headers." testId="compare-response-headers" />
      </div>
    )

  return (
    <section className="compare" data-testid="compare-view" aria-label="Compare two exchanges">
      <div className="compare-head">
        <span className="section-title">Compare</span>
        {loaded.status === 'ready' && (
          <span className="compare-sides">
            <SideLabel tag="A" summary={loaded.a.detail.summary} />
            <span className="dim">→</span>
            <SideLabel tag="B" summary={loaded.b.detail.summary} />
          </span>
        )}
        <span className="header-spacer" />
        <button className="btn btn-small" data-testid="compare-swap" onClick={() => useCompare.getState().open({ a: pair.b, b: pair.a })} title="Swap A and B">
          Swap ⇄
        </button>
        <button className="btn btn-icon" data-testid="compare-close" aria-label="Close the comparison" title="Close the comparison" onClick={() => useCompare.getState().open(null)}>
          ×
        </button>
      </div>
      {body}
    </section>
  )
}
