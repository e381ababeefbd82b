import { useState } from 'react'
import { answerTemplate, resumePaused, setAnswering } from '../../bridge/paused-actions'
import { canReplay, openEditor } from '../../bridge/replay-editor-actions'
import { useAppStore } from '../../store/app-store'
import type { PausedEdit, ReplayEditor } from '../../store/replay-slice'
import { useNow } from '../shared/use-now'
import './replay.css'

const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'

function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`
}

/** How long until the core continues it unedited by itself. */
function Countdown({ paused }: { paused: PausedEdit }) {
  const now = useNow(true, 500)
  const left = Date.parse(paused.timeoutAt) - now
  return (
    <span className={`muted paused-countdown${left < 30_000 ? ' paused-countdown-soon' : ''}`} data-testid="pause-countdown" title="Then it continues unedited, so the client never waits forever">
      continues unedited in {clock(left)}
    </span>
  )
}

/**
 * Instead of Send, for an exchange held at a breakpoint: Continue with the edits (Ctrl/Cmd+Enter), Continue
 * unedited, Answer with a response of one's own, Drop; the countdown to the timeout; and once it went on, what
 * happened.
 */
export function PausedSendBar({ editor, paused }: { editor: ReplayEditor; paused: PausedEdit }) {
  const answering = paused.answering
  const [status, setStatus] = useState('200')
  const [body, setBody] = useState(() => answerTemplate(editor.protocol, useAppStore.getState().byId.get(editor.exchangeId)?.model ?? null))
  const summary = useAppStore((s) => s.byId.get(editor.exchangeId))
  const isRequest = paused.phase === 'request'
  const busy = paused.resuming !== null || editor.busy

  if (paused.ended !== null) {
    const recorded = summary && summary.state !== 'paused' && summary.state !== 'pending' && summary.state !== 'streaming'
    return (
      <div className="replay-send" data-testid="pause-ended-bar">
        <div className="notice notice-info paused-ended" role="status" data-testid="pause-ended">
          <span>{paused.ended}</span>
          {recorded && canReplay(summary) && (
            <button className="btn btn-small" data-testid="pause-open-replay" onClick={() => void openEditor(editor.exchangeId)} title="Open the recorded request in the replay editor to send it again">
              Edit &amp; replay
            </button>
          )}
        </div>
        {paused.error && (
          <div className="error-box" role="alert" data-testid="pause-error">
            {paused.error}
          </div>
        )}
      </div>
    )
  }

  return (
    <div className="replay-send" data-testid="pause-bar" data-phase={paused.phase}>
      <div className="replay-row paused-actions-row">
        <button
          className="btn btn-primary"
          data-testid="pause-continue"
          disabled={busy}
          onClick={() => void resumePaused('continue')}
          title={isRequest ? `Send ${editor.edited ? 'the edited request' : 'the request as it arrived'} upstream (${MOD}+Enter)` : `Let the upstream's response go on to the client (${MOD}+Enter)`}
        >
          {paused.resuming === 'continue' ? 'Continuing…' : isRequest && editor.edited ? 'Continue with edits' : 'Continue'} <kbd>{MOD}+↵</kbd>
        </button>
        {isRequest && editor.edited && (
          <button className="btn" data-testid="pause-continue-unedited" disabled={busy} onClick={() => void resumePaused('continue-unedited')} title="Send the request exactly as the client sent it">
            Continue unedited
          </button>
        )}
        <button className={`btn${answering ? ' btn-active' : ''}`} data-testid="pause-answer" aria-expanded={answering} disabled={busy} onClick={() => setAnswering(!answering)} title="Give the client a response of your own">
          Answer…
        </button>
        <button className="btn" data-testid="pause-drop" disabled={busy} onClick={() => void resumePaused('drop')} title="The client gets no answer (its connection is closed)">
          Drop
        </button>
        <span className="header-spacer" />
        <Countdown paused={paused} />
      </div>
      {answering && (
        <form
          className="paused-answer"
          data-testid="pause-answer-form"
          onSubmit={(e) => {
            e.preventDefault()
            void resumePaused('answer', { status, body })
          }}
        >
          <label className="paused-answer-status">
            <span className="dx-label">Status</span>
            <input className="input mono" value={status} inputMode="numeric" onChange={(e) => setStatus(e.target.value)} data-testid="pause-answer-status" />
          </label>
          <label className="paused-answer-body">
            <span className="dx-label">Body (application/json)</span>
            <textarea className="input mono" value={body} rows={6} spellCheck={false} onChange={(e) => setBody(e.target.value)} data-testid="pause-answer-body" />
          </label>
          <div className="replay-row">
            <button className="btn btn-primary" type="submit" disabled={busy} data-testid="pause-answer-send">
              {paused.resuming === 'answer' ? 'Answering…' : 'Send this response'}
            </button>
            <button className="btn" type="button" onClick={() => setAnswering(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {paused.error && (
        <div className="error-box" role="alert" data-testid="pause-error">
          {paused.error}
        </div>
      )}
    </div>
  )
}
