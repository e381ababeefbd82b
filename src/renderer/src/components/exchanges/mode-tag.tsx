import type { CaptureMode } from '@shared/types'
import './exchanges.css'

const TITLE: Record<CaptureMode, string> = {
  reverse: 'Recorded by the reverse (base-URL) proxy',
  mitm: 'Recorded by the forward proxy (HTTPS_PROXY)',
  replay: 'Sent again from the replay editor',
  import: 'Imported from a file'
}

/** How an exchange entered the store: reverse, mitm (forward proxy), replay, import. */
export function ModeTag({ mode }: { mode: CaptureMode }) {
  return (
    <span className={`mode-tag mode-${mode}`} data-testid="mode-tag" data-mode={mode} title={TITLE[mode]}>
      {mode}
    </span>
  )
}
