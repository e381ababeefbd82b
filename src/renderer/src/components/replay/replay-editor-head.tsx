import { closeEditor, resetEditor } from '../../bridge/replay-editor-actions'
import { statusTone } from '../../lib/format'
import { useAppStore } from '../../store/app-store'
import type { ReplayEditor } from '../../store/replay-slice'
import './replay.css'

/** What is being edited (the original request and how it ended), Reset and close. */
export function ReplayEditorHead({ editor }: { editor: ReplayEditor }) {
  const original = useAppStore((s) => s.byId.get(editor.exchangeId))
  const tone = original ? statusTone(original) : 'neutral'
  // A paused response, or a pause that ended, has nothing of its own to edit or reset.
  const editable = !editor.paused || (editor.paused.phase === 'request' && editor.paused.ended === null)
  return (
    <div className="replay-head">
      <span className="replay-title" data-testid="replay-title">
        {editor.paused ? `Paused ${editor.paused.phase}` : 'Edit & replay'}
      </span>
      {editor.paused?.phase === 'response' && editor.paused.status !== null && (
        <span className="status-pill pill-neutral" title="The upstream's status; its body has not been read">
          {editor.paused.status}
        </span>
      )}
      {editor.paused?.ended && <span className="chip">went on</span>}
      {original && !editor.paused && (
        <span className={`status-pill pill-${tone}`} title="How the original ended">
          {original.status ?? original.state}
        </span>
      )}
      <span className="detail-method mono">{editor.method}</span>
      <span className="detail-path mono" title={editor.upstreamUrl}>
        {editor.path}
      </span>
      {editor.protocol !== 'unknown' && <span className="chip">{editor.protocol}</span>}
      {editor.status === 'ready' && editable && (
        <span className={`chip ${editor.edited || editor.headers ? 'chip-edited' : ''}`} data-testid="replay-edited" data-edited={editor.edited || editor.headers !== null ? 'true' : 'false'}>
          {editor.edited || editor.headers ? 'edited' : editor.paused ? 'as it arrived' : 'original bytes'}
        </span>
      )}
      <span className="header-spacer" />
      {editor.status === 'ready' && editable && (
        <button className="btn btn-small" data-testid="replay-reset" onClick={resetEditor} disabled={!editor.edited && !editor.headers && editor.changes.length === 0 && editor.target.kind === 'original'} title="Back to the original body, headers and target">
          Reset
        </button>
      )}
      <button className="btn btn-icon" data-testid="replay-close" onClick={closeEditor} aria-label="Close the replay editor" title="Close (Esc)">
        ×
      </button>
    </div>
  )
}
