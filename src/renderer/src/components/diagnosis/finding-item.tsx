import type { Finding } from '@shared/types'
import { CodeText } from '../shared/code-text'
import { EvidenceLink } from './evidence-link'
import { FixChips } from './fix-chips'
import { KnownIssueNotes } from './known-issue-notes'
import { MessageRef } from './message-ref'
import { RuleSources } from './rule-sources'
import { SeverityBadge } from './severity-badge'
import './diagnosis.css'

/** A finding other than the culprit: one line, with the fix and sources on unfolding. */
export function FindingItem({ finding, roleOf, defaultOpen = false }: { finding: Finding; roleOf: (index: number) => string | null; defaultOpen?: boolean }) {
  const f = finding
  return (
    <details open={defaultOpen || undefined} className={`dx-finding sev-line-${f.severity}`} data-testid="finding" data-rule={f.rule} data-severity={f.severity}>
      <summary>
        <SeverityBadge severity={f.severity} />
        <span className="dx-ref">{f.ref}</span>
        {f.messageIndex !== null && (
          <span onClick={(e) => e.preventDefault()}>
            <MessageRef messageIndex={f.messageIndex} blockIndex={f.blockIndex} role={roleOf(f.messageIndex)} />
          </span>
        )}
        <span className="dx-finding-msg">
          <CodeText text={f.message} />
        </span>
      </summary>
      <div className="dx-finding-body">
        <div className="dx-rule mono dim">
          {f.rule}
          {f.path && <> · {f.path}</>}
          {f.matchesError && <span className="dx-match"> · matches the provider's error</span>}
        </div>
        {f.evidence && <EvidenceLink evidence={f.evidence} />}
        <div className="dx-fix">
          <span className="dx-label">Fix</span> <CodeText text={f.fix} />
        </div>
        <KnownIssueNotes notes={f.knownIssues} />
        <FixChips ids={f.fixIds} />
        <RuleSources sources={f.sources} />
      </div>
    </details>
  )
}
