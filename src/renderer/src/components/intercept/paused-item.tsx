// One exchange waiting at a breakpoint, compact: what it is, the countdown, and the quick actions (continue
// unedited, drop). Editing, fixes, answering and continuing with edits happen in the replay editor ("Edit").
import { useEffect, useState } from 'react'
import type { PausedExchange } from '@shared/types'
import { quickResume } from '../../bridge/paused-actions'
import { openEditor } from '../../bridge/replay-editor-actions'
import { useAppStore } from '../../store/app-store'
import { setPanelOpen } from './panel-open'
import { attempt } from './use-intercept'

export function PausedItem({ paused }: { paused: PausedExchange }) {
  const id = paused.exchangeId
  const isRequest = paused.phase === 'request'
  const editing = useAppStore((s) => s.editor?.exchangeId === id && s.editor.paused !== null)
  const summary = useAppStore((s) => s.byId.get(id))
  const [error, setError] = useState<string | null>(null)
  const [left, setLeft] = useState(() => Date.parse(paused.timeoutAt) - Date.now())

  useEffect(() => {
    const timer = setInterval(() => setLeft(Date.parse(paused.timeoutAt) - Date.now()), 1000)
    return () => clearInterval(timer)
  }, [paused.timeoutAt])

  const go = async (choice: 'continue-unedited' | 'drop'): Promise<void> => setError(await attempt(() => quickResume(id, choice)))
  return (
    <div className="paused-item" data-testid="paused-item" data-id={id} data-phase={paused.phase}>
      <div className="paused-line">
        <span className="chip">{isRequest ? 'request' : `response ${paused.status ?? ''}`}</span>
        <span className="mono dim">{id.slice(0, 8)}</span>
        {summary && (
          <span className="mono paused-what" title={summary.upstreamUrl}>
            {summary.model ?? summary.path}
          </span>
        )}
        <span className="dim" title="Then it continues unedited">
          continues by itself in {Math.max(0, Math.round(left / 1000))} s
        </span>
      </div>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="paused-actions">
        <button
          className={`btn btn-small btn-primary${editing ? ' btn-active' : ''}`}
          data-testid="paused-edit"
          onClick={() => {
            setPanelOpen(false)
            void openEditor(id)
          }}
          title={isRequest ? 'Edit it in the replay editor (fixes, structured edits, diff), then continue, answer or drop it' : 'Open it in the replay editor to continue, answer or drop it'}
        >
          {isRequest ? 'Edit in editor' : 'Open in editor'}
        </button>
        <button className="btn btn-small" data-testid="paused-continue-unedited" onClick={() => void go('continue-unedited')}>
          Continue unedited
        </button>
        <button className="btn btn-small" data-testid="paused-drop" onClick={() => void go('drop')}>
          Drop
        </button>
      </div>
    </div>
  )
}
