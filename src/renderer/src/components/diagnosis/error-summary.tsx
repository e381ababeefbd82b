import type { UnwrappedError } from '@shared/types'
import { MessageRef } from './message-ref'
import './diagnosis.css'

/** The provider's error with its wrappers peeled: the useful text big, the generic outer text dimmed beside it. */
export function ErrorSummary({ error, roleOf }: { error: UnwrappedError; roleOf: (index: number) => string | null }) {
  return (
    <div className="dx-error" data-testid="provider-error">
      <div className="dx-error-text">
        <span className="error-text" data-testid="error-text">
          {error.message}
        </span>
        {error.genericMessage && (
          <span className="error-generic" data-testid="error-generic" title="The provider's outer, generic message">
            {error.genericMessage}
          </span>
        )}
      </div>
      <div className="dx-error-meta">
        {error.provider !== 'unknown' && <span className="tag">{error.provider}</span>}
        {error.type && <span className="tag mono">type {error.type}</span>}
        {error.code && <span className="tag mono">code {error.code}</span>}
        {error.wrappers.map((w, i) => (
          <span key={i} className="tag tag-wrapper mono" title="An outer layer peeled off to reach the provider's error" data-testid="error-wrapper">
            {w}
          </span>
        ))}
        {error.location && (
          <span className="dx-location">
            names <span className="mono">{error.location.text}</span> →{' '}
            <MessageRef
              messageIndex={error.location.messageIndex}
              blockIndex={error.location.blockIndex}
              role={roleOf(error.location.messageIndex)}
            />
          </span>
        )}
      </div>
    </div>
  )
}
