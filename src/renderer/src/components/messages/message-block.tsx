import type { MessageBlock } from '@shared/types'
import { BlockIndex } from './block-index'
import { BlockReasoning, BlockThinking } from './block-thinking'
import { BlockText } from './block-text'
import { BlockToolCall, BlockToolUse } from './block-tool'
import { JsonBlock } from '../shared/json-block'
import type { Fold } from '../shared/use-folds'
import './messages.css'

export function MessageBlockView({ block, index, fold }: { block: MessageBlock; index: number | string; fold?: Fold }) {
  switch (block.type) {
    case 'thinking':
      return <BlockThinking block={block} index={index} fold={fold} />
    case 'reasoning':
      return <BlockReasoning block={block} index={index} fold={fold} />
    case 'text':
      return <BlockText block={block} index={index} fold={fold} />
    case 'tool_use':
      return <BlockToolUse block={block} index={index} fold={fold} />
    case 'tool_call':
      return <BlockToolCall block={block} index={index} fold={fold} />
    case 'redacted_thinking':
      return (
        <div className="block block-redacted" data-testid="block-redacted_thinking">
          <div className="block-head">
            <BlockIndex index={index} />
            <span className="block-kind">redacted_thinking</span>
            <span className="muted">{block.data.length.toLocaleString('en-US')} chars of opaque data</span>
          </div>
        </div>
      )
    default:
      return (
        <div className="block block-unknown" data-testid="block-unknown">
          <div className="block-head">
            <BlockIndex index={index} />
            <span className="block-kind">unknown block</span>
          </div>
          <JsonBlock value={block.raw} fold={fold} />
        </div>
      )
  }
}
