import { memo, useCallback } from 'react'
import type { Finding, RequestView, TimelineMessage } from '@shared/types'
import { currentMessage } from '../../lib/edit-model'
import { blockPosition, missingPart, type MessageMarks } from '../../lib/timeline-model'
import { MessageEditActions } from './message-edit-actions'
import { TimelineBlockView } from './timeline-block'
import { useEditModel } from './use-edit-model'
import './timeline.css'
import { CodeText } from '../shared/code-text'
import { useAppStore } from '../../store/app-store'
import { openMenu } from '../list-tools/context-menu'
import { messageMenu } from '../list-tools/exchange-menu'

interface Props {
  protocol: RequestView['protocol']
  message: TimelineMessage
  marks: MessageMarks | undefined
  /** The culprit's own finding, shown in red under the culprit's head. */
  culpritFinding: Finding | null
  /** One character per block, '1' when open: a string so the memo sees fold changes of this message only. */
  opens: string
  onToggle: (messageIndex: number, position: number) => void
}

const SHOWN_FINDINGS = 3

/** One message of the request as the API counts it (`#3 assistant`), its findings and its blocks. */
export const TimelineMessageView = memo(function TimelineMessageView({ protocol, message, marks, culpritFinding, opens, onToggle }: Props) {
  const toggleBlock = useCallback((position: number) => onToggle(message.index, position), [onToggle, message.index])
  const culprit = marks?.culprit ?? false
  const others = (marks?.findings ?? []).filter((f) => f !== culpritFinding)
  const worst = culprit ? 'culprit' : (others[0]?.severity ?? null)
  const flaggedBlocks = new Map<number, Finding['severity']>()
  for (const f of others) {
    const at = blockPosition(protocol, message, f.blockIndex)
    if (at !== null && !flaggedBlocks.has(at)) flaggedBlocks.set(at, f.severity)
  }
  const missing = marks ? missingPart(protocol, message, marks.findings) : null
  const model = useEditModel()
  const now = model?.live ? currentMessage(model, message.index) : message.index
  const deleted = now === null
  return (
    <article
      className={`tl-message role-${message.role || 'unknown'}${worst ? ` tl-mark-${worst}` : ''}${deleted ? ' tl-deleted' : ''}`}
      data-testid="timeline-message"
      data-index={message.index}
      data-role={message.role}
      data-culprit={culprit ? 'true' : 'false'}
      data-edit={deleted ? 'deleted' : undefined}
      aria-label={`message ${message.index} ${message.role}`}
      onContextMenu={(e) => {
        // The request the timeline shows (an exchange, or a conversation's request).
        const id = useAppStore.getState().analysisId
        if (id) openMenu(e, `Message ${message.index}`, messageMenu(id, message.index))
      }}
    >
      <header className="tl-head">
        <span className="tl-index">#{message.index}</span>
        <span className="tl-role">{message.role || '(no role)'}</span>
        {message.contentIsString && (
          <span className="chip" title="content was a plain string, not an array of blocks">
            content: string
          </span>
        )}
        <span className="dim">
          {message.blocks.length} {message.blocks.length === 1 ? 'block' : 'blocks'}
        </span>
        {deleted && (
          <span className="tl-edit-tag" data-testid="tl-edit-tag">
            deleted in the editor
          </span>
        )}
        {!deleted && now !== message.index && now !== null && (
          <span className="tl-edit-tag" title="Earlier messages were deleted in the editor">
            now #{now} in the editor
          </span>
        )}
        <span className="header-spacer" />
        <MessageEditActions message={message} deleted={deleted} />
        {others.slice(0, SHOWN_FINDINGS).map((f, i) => (
          <span key={i} className={`tl-finding-tag sev-${f.severity}`} title={`${f.rule}: ${f.message}`}>
            {f.ref}
          </span>
        ))}
        {culprit && (
          <span className="culprit-tag" data-testid="culprit-tag">
            culprit{culpritFinding ? ` · ${culpritFinding.ref}` : ''}
          </span>
        )}
      </header>
      {culprit && culpritFinding && (
        <p className="tl-why tl-why-culprit" data-testid="timeline-culprit-why">
          <CodeText text={culpritFinding.message} />
        </p>
      )}
      {others.slice(0, SHOWN_FINDINGS).map((f, i) => (
        <p key={i} className={`tl-why tl-why-${f.severity}`}>
          <span className="tl-why-ref">{f.ref}</span> <CodeText text={f.message} />
        </p>
      ))}
      {others.length > SHOWN_FINDINGS && <p className="tl-why dim">… {others.length - SHOWN_FINDINGS} more findings on this message</p>}
      <div className="tl-blocks">
        {missing && (
          <div className={`tl-missing${culprit ? ' tl-missing-culprit' : ''}`} data-testid="missing-block" data-missing={missing}>
            <span className="block-kind">{missing === 'thinking' ? 'thinking' : 'reasoning_content'}</span>
            <span>
              missing — with thinking on, this tool turn must carry the{' '}
              {missing === 'thinking' ? 'thinking block it was answered with (first)' : 'reasoning_content it was answered with'}
            </span>
          </div>
        )}
        {message.blocks.length === 0 && <div className="muted block-empty">(no content)</div>}
        {message.blocks.map((_, position) => (
          <TimelineBlockView
            key={position}
            protocol={protocol}
            message={message}
            position={position}
            culprit={culprit && marks?.culpritBlock === position}
            flagged={flaggedBlocks.get(position) ?? null}
            open={opens[position] === '1'}
            onToggle={toggleBlock}
          />
        ))}
      </div>
    </article>
  )
})
