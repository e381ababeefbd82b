import type { TimelineBlock } from '@shared/types'
import { BlockIndex } from './block-index'
import { LongText } from '../shared/long-text'
import type { Fold } from '../shared/use-folds'
import './messages.css'

type ToolResult = Extract<TimelineBlock, { type: 'tool_result' }>

export function BlockToolResult({ block, index, fold }: { block: ToolResult; index: number | string; fold?: Fold }) {
  return (
    <div className={`block block-tool-result${block.isError ? ' block-tool-error' : ''}`} data-testid="block-tool_result" data-error={block.isError ? 'true' : undefined}>
      <div className="block-head">
        <BlockIndex index={index} />
        <span className="block-kind">tool_result</span>
        {block.isError && <span className="tag tag-error">is_error</span>}
        <span className="dim mono" title="tool_use_id / tool_call_id">
          {block.toolUseId || '(no id)'}
        </span>
        <span className="muted">{block.text.length.toLocaleString('en-US')} chars</span>
      </div>
      {block.text ? (
        <LongText text={block.text} className="block-text tool-result-text mono" fold={fold} />
      ) : (
        <div className="muted block-empty">(empty result)</div>
      )}
    </div>
  )
}

export function BlockImage({ block, index }: { block: Extract<TimelineBlock, { type: 'image' }>; index: number | string }) {
  return (
    <div className="block block-image" data-testid="block-image">
      <div className="block-head">
        <BlockIndex index={index} />
        <span className="block-kind">image</span>
        <span className="muted mono">{block.mediaType ?? 'unknown type'}</span>
      </div>
    </div>
  )
}
