import type { Diagnosis, Finding } from '@shared/types'
import { fixFromDiagnosis, USE_MATCHING_BASE_URL } from '../../bridge/replay-editor-actions'
import './diagnosis.css'

function hint(id: string, offeredBy?: string): string {
  const what =
    id === USE_MATCHING_BASE_URL
      ? 'Open the replay editor with the target switched to the gateway that issued the key'
      : 'Open the replay editor with this fix applied to a copy of the request (nothing is sent until you press Send)'
  return offeredBy ? `${what}. Offered by ${offeredBy}.` : what
}

function FixButton({ id, testId, offeredBy }: { id: string; testId: boolean; offeredBy?: string }) {
  return (
    <button className="btn btn-small fix-chip" data-testid={testId ? `fix-${id}` : undefined} data-fix-id={id} title={hint(id, offeredBy)} onClick={() => fixFromDiagnosis(id)}>
      fix: {id}
    </button>
  )
}

/**
 * A finding's machine fixes as buttons: each opens the replay editor with the fix applied. The same fix can be
 * offered by several findings (the core applies a fix id once, whichever offered it); only the visible place
 * of each id carries its `fix-<id>` test id: the culprit card, then the fix bar.
 */
export function FixChips({ ids, testIds = false }: { ids: string[]; testIds?: boolean }) {
  if (ids.length === 0) return null
  return (
    <div className="dx-fixes" data-testid="fix-chips">
      {ids.map((id) => (
        <FixButton key={id} id={id} testId={testIds} />
      ))}
    </div>
  )
}

/** Every other fix the findings offer, once each and always in view (the findings below start folded). */
export function FixBar({ d, except, label }: { d: Diagnosis; except: Finding | null; label: string }) {
  const shown = new Set(except?.fixIds ?? [])
  const offered = new Map<string, string[]>()
  const rank = { error: 0, warning: 1, info: 2 } as const
  for (const f of [...d.findings].sort((a, b) => rank[a.severity] - rank[b.severity])) {
    if (f === except) continue
    for (const id of f.fixIds) {
      if (shown.has(id)) continue
      const by = offered.get(id) ?? []
      by.push(`${f.ref}${f.messageIndex !== null ? ` on #${f.messageIndex}` : ''}`)
      offered.set(id, by)
    }
  }
  if (offered.size === 0) return null
  return (
    <div className="dx-fixbar" data-testid="fix-bar">
      <span className="dx-label">{label}</span>
      <div className="dx-fixes">
        {[...offered].map(([id, by]) => (
          <FixButton key={id} id={id} testId offeredBy={by.join(', ')} />
        ))}
      </div>
    </div>
  )
}
