import type { MessageBlock } from '@shared/types'
import { BlockIndex } from './block-index'
import { LongText } from '../shared/long-text'
import type { Fold } from '../shared/use-folds'
import './messages.css'

export function BlockText({ block, index, fold }: { block: Extract<MessageBlock, { type: 'text' }>; index: number | string; fold?: Fold }) {
  return (
    <div className="block block-text-block" data-testid="block-text">
      <div className="block-head">
        <BlockIndex index={index} />
        <span className="block-kind">text</span>
        <span className="muted">{block.text.length.toLocaleString('en-US')} chars</span>
      </div>
      {block.text ? (
        <LongText text={block.text} className="block-text" fold={fold} />
      ) : (
        <div className="muted block-empty">(empty text)</div>
      )}
    </div>
  )
}
