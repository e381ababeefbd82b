import type { MessageBlock } from '@shared/types'
import { BlockIndex } from './block-index'
import { JsonBlock } from '../shared/json-block'
import type { Fold } from '../shared/use-folds'
import './messages.css'

type ToolUse = Extract<MessageBlock, { type: 'tool_use' }>
type ToolCall = Extract<MessageBlock, { type: 'tool_call' }>

interface ToolView {
  kind: 'tool_use' | 'tool_call'
  name: string
  id: string
  input: unknown
  /** The input as sent, shown when it is not valid JSON. */
  raw: string
  inputError: string | null
  /** What the input is called in this protocol. */
  label: 'Input' | 'Arguments'
}

/** Anthropic tool_use and OpenAI tool_calls entries are the same thing on screen: a name, an id and JSON. */
function ToolBlock({ tool, index, fold }: { tool: ToolView; index: number | string; fold?: Fold }) {
  return (
    <div className="block block-tool" data-testid={`block-${tool.kind}`}>
      <div className="block-head">
        <BlockIndex index={index} />
        <span className="block-kind">{tool.kind}</span>
        <span className="tool-name mono">{tool.name}</span>
        <span className="dim mono">{tool.id}</span>
      </div>
      {tool.inputError && (
        <div className="error-box" role="alert">
          {tool.label} {tool.label === 'Arguments' ? 'are' : 'is'} not valid JSON: {tool.inputError}
        </div>
      )}
      {tool.inputError ? <pre className="json-raw mono">{tool.raw}</pre> : <JsonBlock value={tool.input} fold={fold} />}
    </div>
  )
}

export function BlockToolUse({ block, index, fold }: { block: ToolUse; index: number | string; fold?: Fold }) {
  return <ToolBlock tool={{ kind: 'tool_use', name: block.name, id: block.id, input: block.input, raw: block.inputJson, inputError: block.inputError, label: 'Input' }} index={index} fold={fold} />
}

export function BlockToolCall({ block, index, fold }: { block: ToolCall; index: number | string; fold?: Fold }) {
  return <ToolBlock tool={{ kind: 'tool_call', name: block.name, id: block.id, input: block.input, raw: block.arguments, inputError: block.inputError, label: 'Arguments' }} index={index} fold={fold} />
}
