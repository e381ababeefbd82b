import { memo } from 'react'
import type { RequestView, TimelineMessage } from '@shared/types'
import { apiBlockIndex, blockLabel } from '../lib/timeline-model'
import { BlockImage, BlockToolResult } from './block-tool-result'
import { MessageBlockView } from './message-block'
import type { Fold } from './use-folds'

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
  return (
    <div
      className={`tl-block${culprit ? ' tl-block-culprit' : flagged ? ` tl-block-flag-${flagged}` : ''}`}
      data-testid="timeline-block"
      data-block-index={apiIndex ?? ''}
      data-position={position}
      data-type={block.type}
      data-culprit={culprit ? 'true' : 'false'}
    >
      {block.type === 'tool_result' ? (
        <BlockToolResult block={block} index={label} fold={fold} />
      ) : block.type === 'image' ? (
        <BlockImage block={block} index={label} />
      ) : (
        <MessageBlockView block={block} index={label} fold={fold} />
      )}
    </div>
  )
})
