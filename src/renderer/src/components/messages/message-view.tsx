import type { ReassembledMessage } from '@shared/types'
import { formatCount } from '../../lib/format'
import { MessageBlockView } from './message-block'
import './messages.css'

export function MessageView({ message }: { message: ReassembledMessage | null }) {
  if (!message) return <div className="pane-body notice muted">No message could be reassembled from these events.</div>
  const u = message.usage
  return (
    <div className="pane-body message">
      <div className="message-meta mono">
        <span className="chip">{message.protocol}</span>
        <span>role {message.role}</span>
        {message.model && <span>{message.model}</span>}
        {message.id && <span className="dim" title="message id">{message.id}</span>}
      </div>
      {message.error && (
        <div className="error-box" role="alert" data-testid="message-error">
          <strong>{message.error.type ?? 'error'}</strong> {message.error.message}
        </div>
      )}
      {message.incomplete && (
        <div className="notice notice-warn" data-testid="message-incomplete">
          The stream ended without its terminal event ({message.protocol === 'anthropic' ? 'message_stop' : '[DONE]'}).
        </div>
      )}
      {message.blocks.length === 0 && <div className="notice muted">No content blocks.</div>}
      {message.blocks.map((block, i) => (
        <MessageBlockView key={i} block={block} index={i} />
      ))}
      <div className="message-foot mono">
        <span>
          <span className="metric-label">stop</span>{' '}
          <span className={message.stopReason ? 'stop-reason' : 'dim'} data-testid="stop-reason">
            {message.stopReason ?? 'none'}
          </span>
        </span>
        {u && (
          <span data-testid="message-usage">
            <span className="metric-label">usage</span> in {formatCount(u.inputTokens)} · out {formatCount(u.outputTokens)}
            {u.cacheReadTokens !== null && ` · cache read ${formatCount(u.cacheReadTokens)}`}
            {u.reasoningTokens !== null && ` · reasoning ${formatCount(u.reasoningTokens)}`}
          </span>
        )}
      </div>
    </div>
  )
}
