import type { Severity } from '@shared/types'
import './diagnosis.css'

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`sev sev-${severity}`} data-testid="severity" data-severity={severity}>
      {severity}
    </span>
  )
}
