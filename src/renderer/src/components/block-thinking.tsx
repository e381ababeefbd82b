import type { MessageBlock } from '@shared/types'
import { LongText } from './long-text'

type Thinking = Extract<MessageBlock, { type: 'thinking' }>
type Reasoning = Extract<MessageBlock, { type: 'reasoning' }>

const OPEN_BELOW = 4000

function SignatureBadge({ signature }: { signature: string | null }) {
  if (signature === null)
    return (
      <span className="sig sig-absent" data-testid="signature" data-signature="absent" title="No signature field or delta">
        signature absent
      </span>
    )
  if (signature === '')
    return (
      <span className="sig sig-empty" data-testid="signature" data-signature="empty" title='signature: ""'>
        signature empty
      </span>
    )
  return (
    <span className="sig sig-present" data-testid="signature" data-signature="present" title={signature}>
      signature present · {signature.length} chars
    </span>
  )
}

export function BlockThinking({ block, index }: { block: Thinking; index: number }) {
  return (
    <details className="block block-thinking" data-testid="block-thinking" open={block.thinking.length < OPEN_BELOW}>
      <summary className="block-head">
        <span className="block-index">#{index}</span>
        <span className="block-kind">thinking</span>
        <span className="muted">{block.thinking.length.toLocaleString('en-US')} chars</span>
        <SignatureBadge signature={block.signature} />
      </summary>
      {block.thinking ? (
        <LongText text={block.thinking} className="block-text thinking-text" />
      ) : (
        <div className="muted block-empty">(empty thinking)</div>
      )}
    </details>
  )
}

export function BlockReasoning({ block, index }: { block: Reasoning; index: number }) {
  return (
    <details className="block block-reasoning" data-testid="block-reasoning" open={block.text.length < OPEN_BELOW}>
      <summary className="block-head">
        <span className="block-index">#{index}</span>
        <span className="block-kind">reasoning_content</span>
        <span className="muted">{block.text.length.toLocaleString('en-US')} chars</span>
      </summary>
      {block.text ? (
        <LongText text={block.text} className="block-text thinking-text" />
      ) : (
        <div className="muted block-empty">(empty)</div>
      )}
    </details>
  )
}
