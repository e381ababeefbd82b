import type { MessageBlock } from '@shared/types'
import { BlockReasoning, BlockThinking } from './block-thinking'
import { BlockText } from './block-text'
import { BlockToolCall, BlockToolUse } from './block-tool'
import { JsonBlock } from './json-block'

export function MessageBlockView({ block, index }: { block: MessageBlock; index: number }) {
  switch (block.type) {
    case 'thinking':
      return <BlockThinking block={block} index={index} />
    case 'reasoning':
      return <BlockReasoning block={block} index={index} />
    case 'text':
      return <BlockText block={block} index={index} />
    case 'tool_use':
      return <BlockToolUse block={block} index={index} />
    case 'tool_call':
      return <BlockToolCall block={block} index={index} />
    case 'redacted_thinking':
      return (
        <div className="block block-redacted" data-testid="block-redacted_thinking">
          <div className="block-head">
            <span className="block-index">#{index}</span>
            <span className="block-kind">redacted_thinking</span>
            <span className="muted">{block.data.length.toLocaleString('en-US')} chars of opaque data</span>
          </div>
        </div>
      )
    default:
      return (
        <div className="block block-unknown" data-testid="block-unknown">
          <div className="block-head">
            <span className="block-index">#{index}</span>
            <span className="block-kind">unknown block</span>
          </div>
          <JsonBlock value={block.raw} />
        </div>
      )
  }
}
