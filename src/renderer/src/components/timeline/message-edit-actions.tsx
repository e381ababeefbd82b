import type { TimelineMessage } from '@shared/types'
import { timelineEdit } from '../../bridge/replay-editor-actions'
import './timeline.css'

/** On a message head, shown on hover: delete the message from the editor's copy of the request. */
export function MessageEditActions({ message, deleted }: { message: TimelineMessage; deleted: boolean }) {
  if (deleted) return null
  return (
    <span className="tl-actions">
      <button
        className="tl-action"
        data-testid="tl-delete-message"
        title={`Delete message #${message.index} in the replay editor`}
        aria-label={`delete message ${message.index}`}
        onClick={() => void timelineEdit({ kind: 'delete-message', message })}
      >
        ✕
      </button>
    </span>
  )
}
