import { dismissEditorProblem } from '../../bridge/replay-editor-actions'
import type { ReplayEditor } from '../../store/replay-slice'
import './replay.css'

/** What the fixes and edits changed, one line each, and the last one that did not apply. */
export function ReplayChanges({ editor }: { editor: ReplayEditor }) {
  const p = editor.problem
  return (
    <>
      {p && (
        <div className={p.kind === 'error' ? 'error-box replay-problem' : 'notice notice-info replay-problem'} role={p.kind === 'error' ? 'alert' : 'status'} data-testid="replay-problem" data-kind={p.kind}>
          <span>{p.text}</span>
          <button className="btn btn-icon" onClick={dismissEditorProblem} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      {editor.changes.length > 0 && (
        <ul className="replay-changes" data-testid="replay-changes" aria-label="What the fixes and edits changed">
          {editor.changes.map((line, i) => (
            <li key={i} className="mono">
              {line}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
