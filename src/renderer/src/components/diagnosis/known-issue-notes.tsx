import type { KnownIssueNote } from '@shared/types'
import { RuleSources } from './rule-sources'
import './diagnosis.css'

/**
 * "Your client: OpenCode 1.0.185 — known issue …": the catalogue entries (docs/clients.md) that explain this
 * finding for the client that sent the request, with the other workarounds and the client's own issue.
 */
export function KnownIssueNotes({ notes }: { notes: KnownIssueNote[] | undefined }) {
  if (!notes?.length) return null
  return (
    <>
      {notes.map((n) => (
        <div key={n.id} className={`dx-known dx-known-${n.status}`} data-testid="known-issue" data-issue={n.id} data-status={n.status}>
          <p className="dx-known-text" data-testid="known-issue-text">
            {n.text}
          </p>
          {n.workarounds.length > 1 && (
            <ul className="dx-known-workarounds" data-testid="known-issue-workarounds" aria-label="Workarounds, recommended first">
              {n.workarounds.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
          <RuleSources sources={n.sources} />
        </div>
      ))}
    </>
  )
}
