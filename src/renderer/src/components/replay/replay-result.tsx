import { isRunActive } from '../../bridge/replay-send-actions'
import { showExchange } from '../../bridge/view-actions'
import { formatBytes, formatMs, statusTone } from '../../lib/format'
import { newerSummary } from '../../store/exchange-list'
import { useAppStore } from '../../store/app-store'
import { JsonBlock } from '../shared/json-block'
import { MessageView } from '../messages/message-view'
import { RequestDiff } from './request-diff'
import { ResponseDiff } from './response-diff'
import { useNow } from '../shared/use-now'
import './replay.css'

const STATE_LABEL = { sending: 'sending', 'waiting-retry': 'waiting to retry', done: 'done', cancelled: 'cancelled', failed: 'failed' } as const

/** The replay's answer as it streams in, then the two diffs against the original. */
export function ReplayResult() {
  const run = useAppStore((s) => s.run)
  const result = useAppStore((s) => (s.replayResult && s.run && s.replayResult.exchangeId === s.run.exchangeId ? s.replayResult : null))
  const live = useAppStore((s) => (s.run?.exchangeId ? s.byId.get(s.run.exchangeId) : undefined))
  const waiting = run?.state === 'waiting-retry'
  const now = useNow(waiting)
  if (!run) return null
  const polled = result?.detail?.summary
  const summary = live && polled ? newerSummary(polled, live) : (live ?? polled)
  const tone = summary ? statusTone(summary) : 'pending'
  const seconds = waiting && run.retryAt ? Math.max(0, Math.ceil((run.retryAt - now) / 1000)) : null
  const status = summary?.status ?? null
  const inFlight = !summary || summary.state === 'pending' || summary.state === 'streaming'
  return (
    <section className="replay-result" data-testid="replay-result" data-status={status ?? ''} data-state={run.state} aria-label="Replay result">
      <div className="replay-row replay-result-head">
        <span className="dx-label">Result</span>
        <span className={`status-pill pill-${tone}`}>
          {isRunActive(run) && <span className="spinner" aria-hidden />}
          {status ?? (summary?.state === 'failed' || run.state === 'failed' ? 'no response' : 'no answer yet')}
          {result?.detail?.response?.statusMessage ? ` ${result.detail.response.statusMessage}` : ''}
        </span>
        <span className={`replay-state replay-state-${run.state}`} data-testid="replay-state">
          {STATE_LABEL[run.state]}
          {seconds !== null && ` in ${seconds} s`}
          {run.attempt > 1 && ` · attempt ${run.attempt}`}
        </span>
        {summary && (
          <span className="muted mono">
            {formatMs(summary.durationMs)} · {formatBytes(summary.responseSize)}
          </span>
        )}
        {run.message && run.state !== 'done' && run.state !== 'failed' && <span className="muted">{run.message}</span>}
        <span className="header-spacer" />
        {run.exchangeId && (
          <button className="btn btn-small" onClick={() => showExchange(run.exchangeId as string, 'response')} title="The replay is recorded like any exchange">
            Open exchange →
          </button>
        )}
      </div>
      {result?.error && <div className="error-box">Could not read the replay's response: {result.error}</div>}
      {/* One error, said once: the recorded exchange's transport error, else why the run failed. */}
      {(summary?.error || (run.state === 'failed' && run.message)) && (
        <div className="error-box" role="alert" data-testid="replay-error">
          <strong>{summary?.error ? 'Transport error' : 'Not sent'}</strong> {summary?.error ?? run.message}
        </div>
      )}
      <div className="replay-result-scroll">
        {result?.stream ? (
          // While it streams the message is unfinished by nature: no "ended without its terminal event" yet.
          <MessageView message={inFlight && result.stream.message ? { ...result.stream.message, incomplete: false } : result.stream.message} />
        ) : result?.body?.text ? (
          <div className="pane-body">
            <JsonBlock text={prettyOr(result.body.text)} />
          </div>
        ) : (
          isRunActive(run) && <div className="notice notice-wait"><span className="spinner" aria-hidden /> Waiting for the response…</div>
        )}
        <RequestDiff replayId={run.replayId} edited={run.edited} />
        <ResponseDiff fromId={run.fromId} />
      </div>
    </section>
  )
}

function prettyOr(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return text
  }
}
