import { useMemo } from 'react'
import { sentBodies } from '../../bridge/replay-send-actions'
import { diffJson, diffRows, type DiffRow } from '../../lib/json-diff'
import { JsonDiffView } from '../shared/json-diff-view'
import './replay.css'

/** The structural diff of two JSON bodies, or why there is none (`notJson`: what to say when one does not parse). */
export function rowsOf(original: string, sent: string, notJson = 'the bodies are not JSON, so they cannot be compared structurally'): DiffRow[] | string {
  try {
    return diffRows(diffJson(JSON.parse(original), JSON.parse(sent)))
  } catch {
    return original === sent ? [] : notJson
  }
}

/** The original request against the one sent, structurally (paths, not lines of pretty text). */
export function RequestDiff({ replayId, edited }: { replayId: string; edited: boolean }) {
  const bodies = sentBodies(replayId)
  const rows = useMemo(() => (bodies && edited ? rowsOf(bodies.original, bodies.sent) : []), [bodies, edited])
  return (
    <section className="diff" data-testid="request-diff" aria-label="Request: original vs sent">
      <div className="diff-head">
        <span className="dx-label">Request</span>
        <span className="muted">original → sent</span>
        {Array.isArray(rows) && rows.length > 0 && <span className="dx-count">{rows.length} {rows.length === 1 ? 'change' : 'changes'}</span>}
      </div>
      {!edited ? (
        <div className="notice muted">The exact original bytes were sent (only the key and Host put back).</div>
      ) : typeof rows === 'string' ? (
        <div className="notice muted">{rows}</div>
      ) : rows.length === 0 ? (
        <div className="notice muted">Same JSON as the original (only formatting differs).</div>
      ) : (
        <JsonDiffView rows={rows} />
      )}
    </section>
  )
}
