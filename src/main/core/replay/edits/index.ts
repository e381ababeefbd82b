// The timeline's structured edits, applied to the editor's JSON text; EditError when one cannot apply.
// Indices are the API's own (see each op's file for what `block` means per format).
import type { EditOp, EditResult } from '../../../../shared/types'
import { parseBody, pretty } from './body'
import { deleteBlock } from './delete-block'
import { deleteMessage } from './delete-message'
import { EditError } from './edit-error'
import { moveBlock } from './move-block'
import { setText } from './set-text'
import { toggleThinking } from './toggle-thinking'

export { EditError } from './edit-error'

export function applyEdit(protocol: 'anthropic' | 'openai', bodyText: string, op: EditOp): EditResult {
  const body = parseBody(bodyText)
  const changes = run(protocol, body, op)
  return { body: pretty(body), changes }
}

function run(protocol: 'anthropic' | 'openai', body: ReturnType<typeof parseBody>, op: EditOp): string[] {
  switch (op.op) {
    case 'delete-message':
      return deleteMessage(body, op.message)
    case 'delete-block':
      return deleteBlock(protocol, body, op.message, op.block)
    case 'move-block':
      return moveBlock(protocol, body, op.message, op.from, op.to)
    case 'set-text':
      return setText(protocol, body, op.message, op.block, op.text)
    case 'toggle-thinking':
      return toggleThinking(body)
    default:
      throw new EditError(`unknown edit "${String((op as { op?: unknown }).op)}"`)
  }
}
