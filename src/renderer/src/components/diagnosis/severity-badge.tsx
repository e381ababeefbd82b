import type { Severity } from '@shared/types'

export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`sev sev-${severity}`} data-testid="severity" data-severity={severity}>
      {severity}
    </span>
  )
}
