import type { RuleSource } from '@shared/types'
import './diagnosis.css'

/** Where a rule comes from. Links open outside the app (a new tab; in Electron the shell opens them). */
export function RuleSources({ sources }: { sources: RuleSource[] }) {
  if (sources.length === 0) return null
  return (
    <div className="dx-sources" data-testid="rule-sources">
      <span className="dx-label">Sources</span>
      {sources.map((s, i) =>
        s.url ? (
          <a key={i} className="dx-source" href={s.url} target="_blank" rel="noreferrer" title={s.url}>
            {s.label} ↗
          </a>
        ) : (
          <span key={i} className="dx-source dx-source-plain" title="reported, no link recorded">
            {s.label}
          </span>
        )
      )}
    </div>
  )
}
