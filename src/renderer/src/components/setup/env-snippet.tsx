import { useState } from 'react'
import { envSnippet, SHELLS, type Shell } from '../../lib/env-shell'
import { CopyButton } from '../shared/copy-button'
import './setup.css'

const DEFAULT_SHELL: Shell = /Win/.test(navigator.platform) ? 'powershell' : 'bash'

/** All lines as one paste, in the chosen shell's syntax. */
export function EnvSnippet({ lines }: { lines: string[] }) {
  const [shell, setShell] = useState<Shell>(DEFAULT_SHELL)
  const text = envSnippet(lines, shell)
  return (
    <div className="env-snippet-box">
      <div className="setup-section-head">
        <label className="replay-field">
          <span className="dx-label">Shell</span>
          <select className="input" data-testid="env-shell" value={shell} onChange={(e) => setShell(e.target.value as Shell)}>
            {SHELLS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <CopyButton text={text} label="Copy all" testId="env-snippet-copy" />
      </div>
      <pre className="env-code env-snippet mono" data-testid="env-snippet" data-shell={shell}>
        {text}
      </pre>
    </div>
  )
}
