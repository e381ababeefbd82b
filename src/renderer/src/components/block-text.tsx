import type { MessageBlock } from '@shared/types'
import { LongText } from './long-text'

export function BlockText({ block, index }: { block: Extract<MessageBlock, { type: 'text' }>; index: number }) {
  return (
    <div className="block block-text-block" data-testid="block-text">
      <div className="block-head">
        <span className="block-index">#{index}</span>
        <span className="block-kind">text</span>
        <span className="muted">{block.text.length.toLocaleString('en-US')} chars</span>
      </div>
      {block.text ? <LongText text={block.text} className="block-text" /> : <div className="muted block-empty">(empty text)</div>}
    </div>
  )
}
