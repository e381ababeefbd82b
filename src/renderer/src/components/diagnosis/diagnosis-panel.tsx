import { useCallback } from 'react'
import { PROVIDER_LABELS } from '@shared/provider-labels'
import type { Diagnosis, RequestView } from '@shared/types'
import { culpritFinding } from '../../lib/timeline-model'
import { useAppStore } from '../../store/app-store'
import { ClientChip } from '../clients/client-chip'
import { CulpritCard } from './culprit-card'
import { ErrorSummary } from './error-summary'
import { FindingList } from './finding-list'
import { FixBar } from './fix-chips'
import './diagnosis.css'

function useRoleOf(view: RequestView | null): (index: number) => string | null {
  return useCallback(
    (index: number) => {
      if (!view) return null
      const m = view.messages[index]?.index === index ? view.messages[index] : view.messages.find((x) => x.index === index)
      return m?.role ?? null
    },
    [view]
  )
}

/**
 * Why the analysed request failed (the provider's error unwrapped, the culprit and its rule, other findings),
 * or, for a request that succeeded, its lint: what its provider would reject if this history were sent again.
 */
export function DiagnosisPanel() {
  const diagnosis = useAppStore((s) => s.diagnosis)
  const view = useAppStore((s) => (s.requestView.status === 'ready' ? s.requestView.value : null))
  const roleOf = useRoleOf(view)
  const paused = useAppStore((s) => s.analysisId !== null && s.byId.get(s.analysisId)?.state === 'paused')

  let body
  let state = 'loading'
  if (diagnosis.status === 'idle' || diagnosis.status === 'loading') body = <div className="notice">Diagnosing…</div>
  else if (diagnosis.status === 'error')
    body = (
      <div className="error-box" role="alert">
        Could not diagnose this request: {diagnosis.error}
      </div>
    )
  else if (!diagnosis.value) {
    state = 'unreadable'
    body = <div className="notice muted">The request body is not JSON of a known protocol, so there is nothing to check.</div>
  } else if (diagnosis.value.error) {
    state = 'failed'
    body = <Failure d={diagnosis.value} roleOf={roleOf} />
  } else {
    state = 'lint'
    body = <Lint d={diagnosis.value} roleOf={roleOf} paused={paused} />
  }

  return (
    <section className="dx" data-testid="diagnosis-panel" data-state={state} aria-label="Diagnosis">
      {body}
    </section>
  )
}

function Failure({ d, roleOf }: { d: Diagnosis; roleOf: (index: number) => string | null }) {
  const error = d.error!
  const finding = culpritFinding(d)
  const others = d.findings.filter((f) => f !== finding)
  return (
    <>
      <div className="dx-head">
        <span className="dx-title">Why it failed</span>
        <span className="status-pill pill-client-error" data-testid="diagnosis-status">
          {d.status ?? error.status ?? 'error'}
        </span>
        <span className="chip">{d.protocol}</span>
        <ProviderChip d={d} />
        <ClientChip client={d.client} testId="diagnosis-client" />
      </div>
      <ErrorSummary error={error} roleOf={roleOf} />
      {d.culprit ? (
        <CulpritCard culprit={d.culprit} finding={finding} via={d.culpritVia} roleOf={roleOf} />
      ) : (
        <div className="dx-no-culprit" data-testid="no-culprit">
          <strong>No culprit found in the request.</strong>{' '}
          {d.findings.length === 0
            ? 'None of the known rules matches it; the error text above is all there is to go on.'
            : d.findings.some((f) => f.messageIndex === null)
              ? 'No message is to blame; the findings below concern the request as a whole.'
              : 'The findings below may be related, but none is known to cause this error.'}
        </div>
      )}
      <FixBar d={d} except={d.culprit ? finding : null} label={d.culprit ? 'More fixes' : 'Fixes'} />
      <FindingList title={d.culprit ? 'Other findings' : 'Findings'} findings={others} roleOf={roleOf} openMatching={!d.culprit} />
    </>
  )
}

/** `paused`: held at a breakpoint, not sent yet: the lint says what would happen if it went on as it is. */
function Lint({ d, roleOf, paused }: { d: Diagnosis; roleOf: (index: number) => string | null; paused: boolean }) {
  const errors = d.findings.filter((f) => f.severity === 'error').length
  return (
    <>
      <div className="dx-head">
        <span className="dx-title">Lint</span>
        <span className="muted">{paused ? 'held at a breakpoint, not sent yet' : d.status !== null ? `the request succeeded (${d.status})` : 'no error response'}</span>
        <ProviderChip d={d} />
        <ClientChip client={d.client} testId="diagnosis-client" />
      </div>
      {errors > 0 && (
        <div className="dx-lint-warn" data-testid="lint-warning">
          {whoRejects(d)} would reject this {paused ? 'request if it went on as it is' : 'history if it were sent again'}: {errors}{' '}
          {errors === 1 ? 'problem' : 'problems'} of the kind that answer 400.{paused ? ' Fix it in the replay editor, then continue.' : ''}
        </div>
      )}
      {d.findings.length === 0 ? (
        <div className="notice muted" data-testid="lint-clean">
          No problems found in this request.
        </div>
      ) : (
        <>
          <FixBar d={d} except={null} label="Fixes" />
          <FindingList title="Findings" findings={d.findings} roleOf={roleOf} />
        </>
      )}
    </>
  )
}

const EVIDENCE: Record<NonNullable<Diagnosis['provider']>['evidence'], string> = {
  host: 'its host',
  path: 'its path',
  error: "the error's wording",
  model: 'the model name',
  default: 'nothing else known: the default upstream',
  none: 'nothing known'
}

/** Who answered, and what told (a relay shows the family behind it). */
function ProviderChip({ d }: { d: Diagnosis }) {
  if (!d.provider) return null
  const { id, family, evidence } = d.provider
  return (
    <span className="chip" data-testid="diagnosis-provider" data-provider={id} title={`Provider, known from ${EVIDENCE[evidence]}`}>
      {PROVIDER_LABELS[id]}
      {family !== id && family !== 'unknown' ? ` → ${PROVIDER_LABELS[family]}` : ''}
    </span>
  )
}

function whoRejects(d: Diagnosis): string {
  const family = d.provider?.family
  return family && family !== 'unknown' ? PROVIDER_LABELS[family] : 'The endpoint'
}
