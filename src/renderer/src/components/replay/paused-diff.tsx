import { useMemo } from 'react'
import { docText, originalText } from '../../bridge/editor-doc'
import { bodyRows } from '../../lib/json-diff'
import type { ReplayEditor } from '../../store/replay-slice'
import { BodyDiff, DiffCount } from '../shared/json-diff-view'
import './replay.css'

/** The paused request as it arrived against the editor's text, structurally. */
export function PausedDiff({ editor }: { editor: ReplayEditor }) {
  // The text lives in CodeMirror: it is read again whenever the edits land, and after each typing pause (when
  // the paused request's fixes are asked again, so fixIds is a new list).
  const rows = useMemo(() => (editor.edited ? bodyRows(originalText(), docText(), 'the text is not valid JSON right now, so it cannot be compared structurally') : []), [editor.edited, editor.changes, editor.fixIds])
  return (
    <section className="diff paused-diff" data-testid="pause-diff" aria-label="Request: as it arrived vs as edited">
      <div className="diff-head">
        <span className="dx-label">Diff</span>
        <span className="muted">as it arrived → as edited</span>
        <DiffCount rows={rows} />
      </div>
      <div className="replay-result-scroll">
        <BodyDiff rows={rows} unedited={editor.edited ? null : 'No edits: Continue sends the request exactly as it arrived.'} same="Same JSON as it arrived (only formatting differs)." />
      </div>
    </section>
  )
}
