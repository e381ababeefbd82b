import type { RequestView, TimelineMessage } from '@shared/types'
import { timelineEdit } from '../../bridge/replay-editor-actions'
import { canSetText, unitOf } from '../../lib/edit-model'
import './timeline.css'

/**
 * On a block, shown on hover: delete, move up/down, edit its text; each applied by the core to the replay
 * editor's text (the editor opens if it is closed). OpenAI: only tool calls are blocks the core can move or delete.
 */
export function BlockEditActions({
  protocol,
  message,
  position,
  onEditText
}: {
  protocol: RequestView['protocol']
  message: TimelineMessage
  position: number
  onEditText: () => void
}) {
  const unit = unitOf(protocol, message, position)
  const units = protocol === 'anthropic' ? message.blocks.length : message.blocks.filter((b) => b.type === 'tool_call').length
  const text = canSetText(protocol, message, position)
  if (unit === null && !text) return null
  const where = `#${message.index} block ${position}`
  return (
    <span className="tl-actions tl-block-actions">
      {text && (
        <button className="tl-action" data-testid="tl-edit-text" title="Edit this block's text" aria-label={`edit text of ${where}`} onClick={onEditText}>
          ✎
        </button>
      )}
      {unit !== null && units > 1 && (
        <>
          <button className="tl-action" data-testid="tl-move-up" title="Move up" aria-label={`move ${where} up`} onClick={() => void timelineEdit({ kind: 'move-block', message, position, by: -1 })}>
            ↑
          </button>
          <button className="tl-action" data-testid="tl-move-down" title="Move down" aria-label={`move ${where} down`} onClick={() => void timelineEdit({ kind: 'move-block', message, position, by: 1 })}>
            ↓
          </button>
        </>
      )}
      {unit !== null && (
        <button className="tl-action" data-testid="tl-delete-block" title="Delete this block" aria-label={`delete ${where}`} onClick={() => void timelineEdit({ kind: 'delete-block', message, position })}>
          ✕
        </button>
      )}
    </span>
  )
}
