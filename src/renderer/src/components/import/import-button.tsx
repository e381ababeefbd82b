import { importFile } from '../../bridge/import-actions'
import { useAppStore } from '../../store/app-store'

const INPUT_ID = 'import-input'

/** The file input behind "Open file…": always mounted (the button may sit in the header's "More" menu). */
export function ImportInput() {
  return (
    <input
      id={INPUT_ID}
      type="file"
      hidden
      data-testid="import-input"
      accept=".har,.json,.txt,.jsonl,.zip,application/json,application/zip"
      onChange={(e) => {
        const file = e.currentTarget.files?.[0]
        // Reset so choosing the same file again still fires a change.
        e.currentTarget.value = ''
        if (file) void importFile(file)
      }}
    />
  )
}

/** "Open file…": a HAR, an exchange file or a bare request body, recorded and diagnosed like captured traffic. */
export function ImportButton() {
  const busy = useAppStore((s) => s.importState.status === 'reading' || s.importState.status === 'importing')
  return (
    <button
      className="btn btn-small"
      data-testid="import-button"
      disabled={busy}
      onClick={() => document.getElementById(INPUT_ID)?.click()}
      title="Import a HAR, an exchange file, a request body or a repro bundle zip (or drop it on the window)"
    >
      Open file…
    </button>
  )
}
