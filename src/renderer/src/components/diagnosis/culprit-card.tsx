import type { Diagnosis, Finding } from '@shared/types'
import { CodeText } from '../shared/code-text'
import { EvidenceLink } from './evidence-link'
import { FixChips } from './fix-chips'
import { ApplyRule } from '../intercept/apply-rule'
import { KnownIssueNotes } from './known-issue-notes'
import { MessageRef } from './message-ref'
import { RuleSources } from './rule-sources'
import { SeverityBadge } from './severity-badge'
import './diagnosis.css'

/** The message that made the request fail, and the rule that says why. */
const VIA: Record<NonNullable<Diagnosis['culpritVia']>, string> = {
  index: 'the index the error names',
  'tool-id': 'the tool call id the error names',
  'part-type': 'the content part the error rejects',
  role: 'the role the error rejects',
  last: 'the error names the last message',
  rule: 'the rule the error names, found in the request',
  structure: "no index in the error: the request's shape"
}

export function CulpritCard({
  culprit,
  finding,
  via,
  roleOf
}: {
  culprit: NonNullable<Diagnosis['culprit']>
  finding: Finding | null
  via?: Diagnosis['culpritVia']
  roleOf: (index: number) => string | null
}) {
  return (
    <div className="dx-culprit" data-testid="culprit">
      <div className="dx-culprit-head">
        <span className="dx-label dx-label-red">Culprit</span>
        <MessageRef
          messageIndex={culprit.messageIndex}
          blockIndex={culprit.blockIndex}
          role={roleOf(culprit.messageIndex)}
          path={finding?.path}
          testId="culprit-location"
        />
        {via && (
          <span className="muted dx-via" data-testid="culprit-via" data-via={via}>
            found by {VIA[via]}
          </span>
        )}
      </div>
      <div className="dx-rule-line">
        <span className="dx-ref" data-testid="culprit-ref">
          {finding?.ref ?? '—'}
        </span>
        <span className="mono dx-rule-id" data-testid="culprit-rule">
          {culprit.rule}
        </span>
        {finding && <SeverityBadge severity={finding.severity} />}
        {finding?.matchesError && (
          <span className="dx-match" title="The provider's error text or index supports this finding">
            ✓ matches the error
          </span>
        )}
      </div>
      {finding && (
        <>
          <p className="culprit-explanation" data-testid="culprit-explanation">
            <CodeText text={finding.message} />
          </p>
          {finding.evidence && <EvidenceLink evidence={finding.evidence} />}
          <div className="dx-fix" data-testid="culprit-fix">
            <span className="dx-label">Fix</span> <CodeText text={finding.fix} />
          </div>
          <KnownIssueNotes notes={finding.knownIssues} />
          <FixChips ids={finding.fixIds} testIds />
          <ApplyRule fixIds={finding.fixIds} />
          <RuleSources sources={finding.sources} />
        </>
      )}
    </div>
  )
}
