import type { MessageBlock } from '@shared/types'
import { BlockIndex } from './block-index'
import { LongText } from '../shared/long-text'
import type { Fold } from '../shared/use-folds'
import './messages.css'

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

/** Collapsible block. Without a `fold` it opens itself when short; with one (the timeline) the fold decides. */
function Foldable({
  className,
  testId,
  fold,
  defaultOpen,
  head,
  preview,
  children
}: {
  className: string
  testId: string
  fold?: Fold
  defaultOpen: boolean
  head: React.ReactNode
  preview: string
  children: React.ReactNode
}) {
  const open = fold ? fold.open : undefined
  return (
    <details
      className={className}
      data-testid={testId}
      open={open ?? defaultOpen}
      onToggle={(e) => {
        if (fold && e.currentTarget.open !== fold.open) fold.toggle()
      }}
    >
      <summary className="block-head">
        {head}
        {fold && !fold.open && preview && <span className="fold-preview">{preview.slice(0, 300)}</span>}
      </summary>
      {(open ?? true) && children}
    </details>
  )
}

export function BlockThinking({ block, index, fold }: { block: Thinking; index: number | string; fold?: Fold }) {
  return (
    <Foldable
      className="block block-thinking"
      testId="block-thinking"
      fold={fold}
      defaultOpen={block.thinking.length < OPEN_BELOW}
      preview={block.thinking}
      head={
        <>
          <BlockIndex index={index} />
          <span className="block-kind">thinking</span>
          <span className="muted">{block.thinking.length.toLocaleString('en-US')} chars</span>
          <SignatureBadge signature={block.signature} />
        </>
      }
    >
      {block.thinking ? (
        <LongText text={block.thinking} className="block-text thinking-text" />
      ) : (
        <div className="muted block-empty">(empty thinking)</div>
      )}
    </Foldable>
  )
}

export function BlockReasoning({ block, index, fold }: { block: Reasoning; index: number | string; fold?: Fold }) {
  return (
    <Foldable
      className="block block-reasoning"
      testId="block-reasoning"
      fold={fold}
      defaultOpen={block.text.length < OPEN_BELOW}
      preview={block.text}
      head={
        <>
          <BlockIndex index={index} />
          <span className="block-kind">reasoning_content</span>
          <span className="muted">{block.text.length.toLocaleString('en-US')} chars</span>
        </>
      }
    >
      {block.text ? (
        <LongText text={block.text} className="block-text thinking-text" />
      ) : (
        <div className="muted block-empty">(empty)</div>
      )}
    </Foldable>
  )
}
