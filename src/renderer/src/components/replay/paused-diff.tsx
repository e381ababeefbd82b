import { useMemo } from 'react'
import { docText, originalText } from '../../bridge/editor-doc'
import type { ReplayEditor } from '../../store/replay-slice'
import { JsonDiffView } from '../shared/json-diff-view'
import { rowsOf } from './request-diff'
import './replay.css'

/** The paused request as it arrived against the editor's text, structurally. */
export function PausedDiff({ editor }: { editor: ReplayEditor }) {
  // The text lives in CodeMirror: it is read again whenever the edits land, and after each typing pause (when
  // the paused request's fixes are asked again, so fixIds is a new list).
  const rows = useMemo(() => (editor.edited ? rowsOf(originalText(), docText(), 'the text is not valid JSON right now, so it cannot be compared structurally') : []), [editor.edited, editor.changes, editor.fixIds])
  return (
    <section className="diff paused-diff" data-testid="pause-diff" aria-label="Request: as it arrived vs as edited">
      <div className="diff-head">
        <span className="dx-label">Diff</span>
        <span className="muted">as it arrived → as edited</span>
        {Array.isArray(rows) && rows.length > 0 && <span className="dx-count">{rows.length} {rows.length === 1 ? 'change' : 'changes'}</span>}
      </div>
      <div className="replay-result-scroll">
        {!editor.edited ? (
          <div className="notice muted">No edits: Continue sends the request exactly as it arrived.</div>
        ) : typeof rows === 'string' ? (
          <div className="notice muted">{rows}</div>
        ) : rows.length === 0 ? (
          <div className="notice muted">Same JSON as it arrived (only formatting differs).</div>
        ) : (
          <JsonDiffView rows={rows} />
        )}
      </div>
    </section>
  )
}
