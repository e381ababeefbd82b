import { useMemo } from 'react'
import { sentBodies } from '../../bridge/replay-send-actions'
import { bodyRows } from '../../lib/json-diff'
import { BodyDiff, DiffCount } from '../shared/json-diff-view'
import './replay.css'

/** The original request against the one sent, structurally (paths, not lines of pretty text). */
export function RequestDiff({ replayId, edited }: { replayId: string; edited: boolean }) {
  const bodies = sentBodies(replayId)
  const rows = useMemo(() => (bodies && edited ? bodyRows(bodies.original, bodies.sent) : []), [bodies, edited])
  return (
    <section className="diff" data-testid="request-diff" aria-label="Request: original vs sent">
      <div className="diff-head">
        <span className="dx-label">Request</span>
        <span className="muted">original → sent</span>
        <DiffCount rows={rows} />
      </div>
      <BodyDiff rows={rows} unedited={edited ? null : 'The exact original bytes were sent (only the key and Host put back).'} same="Same JSON as the original (only formatting differs)." />
    </section>
  )
}
