import { cancelReplay, isRunActive, sendReplay } from '../../bridge/replay-send-actions'
import { targetLabel } from '../../lib/replay-target'
import { useAppStore } from '../../store/app-store'
import type { ReplayEditor } from '../../store/replay-slice'
import './replay.css'

const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'

/** Send (Ctrl/Cmd+Enter), Cancel while it runs, what will go where, and why the last send was refused. */
export function ReplaySendBar({ editor }: { editor: ReplayEditor }) {
  const run = useAppStore((s) => s.run)
  const sending = useAppStore((s) => s.sending)
  const profiles = useAppStore((s) => s.proxy?.profiles ?? [])
  const active = isRunActive(run)
  const mine = active && run?.fromId === editor.exchangeId
  const what = editor.edited ? 'your edited body' : 'the exact original bytes'
  return (
    <div className="replay-send">
      <div className="replay-row">
        <button
          className="btn btn-primary"
          data-testid="replay-send"
          disabled={sending || active || editor.busy}
          onClick={() => void sendReplay()}
          title={`Send (${MOD}+Enter)`}
        >
          {sending ? 'Sending…' : 'Send'} <kbd>{MOD}+↵</kbd>
        </button>
        {mine && (
          <button className="btn" data-testid="replay-cancel" onClick={() => void cancelReplay()}>
            Cancel
          </button>
        )}
        <span className="muted replay-what">
          {what}
          {editor.headers ? ', edited headers' : ''} → {targetLabel(editor.target, profiles)}
        </span>
        {active && !mine && <span className="muted">a replay of another request is running</span>}
      </div>
      {editor.sendError && (
        <div className="error-box" role="alert" data-testid="replay-send-error">
          {editor.sendError}
        </div>
      )}
    </div>
  )
}
