import { focusMessage } from '../../bridge/analysis-actions'
import './diagnosis.css'

/** `#3 assistant · content[1]`: a place in the request; a click scrolls the timeline there. */
export function MessageRef({
  messageIndex,
  blockIndex,
  role,
  path,
  testId
}: {
  messageIndex: number
  blockIndex: number | null
  role?: string | null
  path?: string | null
  testId?: string
}) {
  return (
    <button
      className="btn-link msg-ref mono"
      data-testid={testId}
      onClick={() => focusMessage(messageIndex, blockIndex)}
      title="Show in the timeline"
    >
      #{messageIndex}
      {role ? ` ${role}` : ''}
      {path ? <span className="dim"> · {path}</span> : blockIndex !== null ? <span className="dim"> · block {blockIndex}</span> : null}
    </button>
  )
}
