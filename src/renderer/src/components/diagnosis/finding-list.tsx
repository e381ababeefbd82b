import type { Finding } from '@shared/types'
import { FindingItem } from './finding-item'
import './diagnosis.css'

const RANK = { error: 0, warning: 1, info: 2 } as const

/** Worst first, as the list shows them. */
export const sortFindings = (findings: readonly Finding[]): Finding[] => [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity])

export function FindingList({
  title,
  findings,
  roleOf,
  openMatching = false
}: {
  title: string
  findings: Finding[]
  roleOf: (index: number) => string | null
  /** Unfold the findings the provider's error supports (when there is no culprit card to explain it). */
  openMatching?: boolean
}) {
  if (findings.length === 0) return null
  const sorted = sortFindings(findings)
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length
  return (
    <div className="dx-findings" data-testid="findings">
      <div className="dx-section-head">
        <span className="dx-label">{title}</span>
        {(['error', 'warning', 'info'] as const).map((s) =>
          count(s) > 0 ? (
            <span key={s} className={`dx-count sev-text-${s}`}>
              {count(s)} {s}
              {count(s) === 1 ? '' : 's'}
            </span>
          ) : null
        )}
      </div>
      {sorted.map((f, i) => (
        <FindingItem key={i} finding={f} roleOf={roleOf} defaultOpen={openMatching && f.matchesError} />
      ))}
    </div>
  )
}
