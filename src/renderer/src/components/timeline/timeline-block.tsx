import { memo, useState } from 'react'
import type { RequestView, TimelineMessage } from '@shared/types'
import { timelineEdit } from '../../bridge/replay-editor-actions'
import { blockMark, blockText, freshModel } from '../../lib/edit-model'
import { apiBlockIndex, blockLabel } from '../../lib/timeline-model'
import { BlockEditActions } from './block-edit-actions'
import { BlockTextEditor } from './block-text-editor'
import { BlockImage, BlockToolResult } from '../messages/block-tool-result'
import { MessageBlockView } from '../messages/message-block'
import { useEditModel } from './use-edit-model'
import type { Fold } from '../shared/use-folds'
import './timeline.css'

interface Props {
  protocol: RequestView['protocol']
  message: TimelineMessage
  position: number
  culprit: boolean
  /** A finding (not the culprit) points at this block. */
  flagged: 'error' | 'warning' | 'info' | null
  open: boolean
  onToggle: (position: number) => void
}

/** One block of a request message, labelled with its place in the body (`content[1]`, `tool_calls[0]`). */
export const TimelineBlockView = memo(function TimelineBlockView({ protocol, message, position, culprit, flagged, open, onToggle }: Props) {
  const block = message.blocks[position]
  const label = blockLabel(protocol, message, position)
  const apiIndex = apiBlockIndex(protocol, message, position)
  const fold: Fold = { open, toggle: () => onToggle(position) }
  const model = useEditModel()
  const mark = model ? blockMark(model, protocol, message, position) : null
  const [editing, setEditing] = useState(false)
  return (
    <div
      className={`tl-block${culprit ? ' tl-block-culprit' : flagged ? ` tl-block-flag-${flagged}` : ''}${mark?.deleted ? ' tl-deleted' : ''}`}
      data-testid="timeline-block"
      data-block-index={apiIndex ?? ''}
      data-position={position}
      data-type={block.type}
      data-culprit={culprit ? 'true' : 'false'}
      data-edit={mark ? (mark.deleted ? 'deleted' : mark.movedTo !== null ? 'moved' : 'edited') : undefined}
    >
      {!mark?.deleted && <BlockEditActions protocol={protocol} message={message} position={position} onEditText={() => setEditing(true)} />}
      {mark && (
        <span className="tl-edit-tag" data-testid="tl-edit-tag">
          {mark.deleted ? 'deleted in the editor' : [mark.movedTo !== null ? `moved to ${protocol === 'openai' ? 'tool_calls' : 'content'}[${mark.movedTo}]` : '', mark.edited ? 'text edited' : ''].filter(Boolean).join(' · ')}
        </span>
      )}
      {block.type === 'tool_result' ? (
        <BlockToolResult block={block} index={label} fold={fold} />
      ) : block.type === 'image' ? (
        <BlockImage block={block} index={label} />
      ) : (
        <MessageBlockView block={block} index={label} fold={fold} />
      )}
      {editing && (
        <BlockTextEditor
          initial={blockText(model ?? freshModel(0), message, position)}
          onCancel={() => setEditing(false)}
          onSave={(text) => {
            setEditing(false)
            void timelineEdit({ kind: 'set-text', message, position, text })
          }}
        />
      )}
    </div>
  )
})
