import type { EvidenceRef } from '@shared/types'
import { showExchange } from '../../bridge/view-actions'

/** "response #4" (the conversation's request strip numbering), or the exchange id when it is elsewhere. */
export function evidenceLabel(ref: EvidenceRef): string {
  if (ref.sameConversation && ref.n !== null) return `response #${ref.n}`
  return `response of exchange ${ref.exchangeId.slice(0, 8)}${ref.sameConversation ? '' : ' (another conversation)'}`
}

/** The recorded response a finding was judged against; a click opens that exchange on its response. */
export function EvidenceLink({ evidence }: { evidence: EvidenceRef }) {
  return (
    <div className="dx-fix" data-testid="evidence">
      <span className="dx-label">Recorded</span>{' '}
      <button
        className="btn-link mono"
        data-testid="evidence-link"
        data-exchange-id={evidence.exchangeId}
        onClick={() => showExchange(evidence.exchangeId, 'response')}
        title="Open the recorded response this message was compared with"
      >
        {evidenceLabel(evidence)} →
      </button>
    </div>
  )
}
