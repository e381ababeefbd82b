import { useEffect, useMemo, useState } from 'react'
import type { BodyView, ExchangeSummary, StreamView } from '@shared/types'
import { getApi } from '../../api/get-api'
import { diffJson, diffRows } from '../../lib/json-diff'
import { responseShape } from '../../lib/response-shape'
import { newerSummary } from '../../store/exchange-list'
import { useAppStore } from '../../store/app-store'
import { JsonDiffView } from '../shared/json-diff-view'
import './replay.css'

interface Side {
  summary: ExchangeSummary | null
  stream: StreamView | null
  body: BodyView | null
}

/** The original's response, fetched when the compare view is shown (never kept in the store). */
function useOriginalResponse(id: string): Side | 'loading' | { error: string } {
  const [side, setSide] = useState<Side | 'loading' | { error: string }>('loading')
  useEffect(() => {
    let alive = true
    setSide('loading')
    void (async () => {
      const api = getApi()
      try {
        const detail = await api['exchanges:get']({ id })
        let stream: StreamView | null = null
        let body: BodyView | null = null
        if (detail?.response) {
          if (/event-stream/i.test(detail.response.contentType ?? '')) stream = await api['exchanges:stream']({ id })
          if (!stream) body = await api['exchanges:body']({ id, part: 'response' })
        }
        if (alive) setSide({ summary: detail?.summary ?? null, stream, body })
      } catch (err) {
        if (alive) setSide({ error: err instanceof Error ? err.message : String(err) })
      }
    })()
    return () => {
      alive = false
    }
  }, [id])
  return side
}

/** The original response against the replay's: status, the error's text, why it stopped, the content blocks. */
export function ResponseDiff({ fromId }: { fromId: string }) {
  const original = useOriginalResponse(fromId)
  const result = useAppStore((s) => (s.replayResult && s.run && s.replayResult.exchangeId === s.run.exchangeId ? s.replayResult : null))
  const live = useAppStore((s) => (result ? s.byId.get(result.exchangeId) : undefined))
  const next = useMemo(() => {
    if (!result?.detail) return null
    const summary = live ? newerSummary(result.detail.summary, live) : result.detail.summary
    return responseShape(summary, result.stream, result.body?.text ?? null)
  }, [result, live])
  const before = useMemo(() => (original !== 'loading' && !('error' in original) ? responseShape(original.summary, original.stream, original.body?.text ?? null) : null), [original])
  const rows = useMemo(() => (before && next ? diffRows(diffJson(before, next)) : null), [before, next])

  return (
    <section className="diff" data-testid="response-diff" aria-label="Response: original vs replay">
      <div className="diff-head">
        <span className="dx-label">Response</span>
        {before && next && (
          <span className="mono">
            <span className={statusClass(before.status)}>{String(before.status)}</span> → <span className={statusClass(next.status)}>{String(next.status)}</span>
          </span>
        )}
        {rows && rows.length > 0 && <span className="dx-count">{rows.length} {rows.length === 1 ? 'change' : 'changes'}</span>}
      </div>
      {original === 'loading' ? (
        <div className="notice">Loading the original response…</div>
      ) : 'error' in original ? (
        <div className="error-box">Could not load the original response: {original.error}</div>
      ) : !next ? (
        <div className="notice muted">Waiting for the replay's response…</div>
      ) : rows && rows.length === 0 ? (
        <div className="notice muted">Same status, error and content as the original.</div>
      ) : (
        rows && <JsonDiffView rows={rows} />
      )}
    </section>
  )
}

function statusClass(status: number | string | null): string {
  if (typeof status !== 'number') return 'muted'
  return status >= 400 ? 'status-client-error' : status >= 200 && status < 300 ? 'status-ok' : 'muted'
}
