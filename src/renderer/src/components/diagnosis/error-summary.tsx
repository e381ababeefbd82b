import { PROVIDER_LABELS } from '@shared/provider-labels'
import type { UnwrappedError } from '@shared/types'
import { MessageRef } from './message-ref'
import './diagnosis.css'

/** The provider's error with its wrappers peeled: the useful text big, the generic outer text dimmed beside it. */
export function ErrorSummary({ error, roleOf }: { error: UnwrappedError; roleOf: (index: number) => string | null }) {
  return (
    <div className="dx-error" data-testid="provider-error">
      <div className="dx-error-text">
        {error.chain && error.chain.length > 1 && (
          <span className="dx-chain" data-testid="error-chain" title="The relays the error came through, outermost first, and the provider that wrote it">
            {error.chain.join(' → ')}:
          </span>
        )}
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
        {error.provider !== 'unknown' && (
          <span className="tag" data-testid="error-provider" title="Whose error this is, by its wording or shape">
            {PROVIDER_LABELS[error.provider]}
          </span>
        )}
        {error.dialect && (
          <span className="tag mono" data-testid="error-dialect" title="The wording recognized (docs/errors.md)">
            {error.dialect}
          </span>
        )}
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
