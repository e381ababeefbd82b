import type { MessageBlock } from '@shared/types'
import { BlockIndex } from './block-index'
import { JsonBlock } from './json-block'
import type { Fold } from './use-folds'

type ToolUse = Extract<MessageBlock, { type: 'tool_use' }>
type ToolCall = Extract<MessageBlock, { type: 'tool_call' }>

export function BlockToolUse({ block, index, fold }: { block: ToolUse; index: number | string; fold?: Fold }) {
  return (
    <div className="block block-tool" data-testid="block-tool_use">
      <div className="block-head">
        <BlockIndex index={index} />
        <span className="block-kind">tool_use</span>
        <span className="tool-name mono">{block.name}</span>
        <span className="dim mono">{block.id}</span>
      </div>
      {block.inputError && (
        <div className="error-box" role="alert">
          Input is not valid JSON: {block.inputError}
        </div>
      )}
      {block.inputError ? <pre className="json-raw mono">{block.inputJson}</pre> : <JsonBlock value={block.input} fold={fold} />}
    </div>
  )
}

export function BlockToolCall({ block, index, fold }: { block: ToolCall; index: number | string; fold?: Fold }) {
  return (
    <div className="block block-tool" data-testid="block-tool_call">
      <div className="block-head">
        <BlockIndex index={index} />
        <span className="block-kind">tool_call</span>
        <span className="tool-name mono">{block.name}</span>
        <span className="dim mono">{block.id}</span>
      </div>
      {block.inputError && (
        <div className="error-box" role="alert">
          Arguments are not valid JSON: {block.inputError}
        </div>
      )}
      {block.inputError ? <pre className="json-raw mono">{block.arguments}</pre> : <JsonBlock value={block.input} fold={fold} />}
    </div>
  )
}
