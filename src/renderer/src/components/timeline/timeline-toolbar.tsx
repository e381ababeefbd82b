import type { Diagnosis, RequestView } from '@shared/types'
import { jumpToCulprit } from '../../bridge/analysis-actions'
import { timelineEdit } from '../../bridge/replay-editor-actions'
import './timeline.css'

/** Facts about the request (what the timeline is of) and the fold / jump buttons. */
export function TimelineToolbar({ view, diagnosis, onAll }: { view: RequestView; diagnosis: Diagnosis | null; onAll: (open: boolean) => void }) {
  const hasTarget = !!diagnosis && (diagnosis.culprit !== null || diagnosis.findings.some((f) => f.messageIndex !== null))
  return (
    <div className="section-toolbar tl-toolbar">
      <span className="section-title">Timeline</span>
      <span className="body-facts muted">
        <span>
          {view.messages.length.toLocaleString('en-US')} {view.messages.length === 1 ? 'message' : 'messages'}
        </span>
        {view.model && <span className="mono">{view.model}</span>}
        <span title="thinking.type as sent ('default' = no thinking field: MiMo V2.5 thinks by default)">
          thinking <span className={`mono thinking-${view.thinking}`}>{view.thinking}</span>
        </span>
        <span title={view.tools.join(', ')}>
          {view.tools.length} {view.tools.length === 1 ? 'tool' : 'tools'}
        </span>
        {view.stream && <span className="badge badge-sse">SSE</span>}
      </span>
      <span className="header-spacer" />
      {hasTarget && (
        <button className="btn btn-small btn-culprit" data-testid="jump-culprit" onClick={() => jumpToCulprit()} title="Jump to the culprit (n)">
          {diagnosis?.culprit ? 'Culprit' : 'First finding'} <kbd>n</kbd>
        </button>
      )}
      <button
        className="btn btn-small"
        data-testid="toggle-thinking"
        onClick={() => void timelineEdit({ kind: 'toggle-thinking' })}
        title="thinking.type enabled ↔ disabled, in the replay editor's copy of this request"
      >
        Toggle thinking
      </button>
      <button className="btn btn-small" data-testid="expand-all" onClick={() => onAll(true)}>
        Expand all
      </button>
      <button className="btn btn-small" data-testid="collapse-all" onClick={() => onAll(false)}>
        Collapse all
      </button>
    </div>
  )
}
