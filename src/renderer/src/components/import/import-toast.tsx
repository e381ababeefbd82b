import { useState } from 'react'
import { dismissImport } from '../../bridge/import-actions'
import { formatBytes } from '../../lib/format'
import { useAppStore } from '../../store/app-store'
import './import.css'

const SHOWN_REASONS = 5

/** How the last import went: progress while reading and parsing, then what came in and what was skipped. */
export function ImportToast() {
  const state = useAppStore((s) => s.importState)
  const [allReasons, setAllReasons] = useState(false)
  if (state.status === 'idle') return null

  if (state.status === 'reading' || state.status === 'importing') {
    const pct = state.status === 'reading' && state.total > 0 ? Math.floor((state.loaded / state.total) * 100) : null
    return (
      <div className="toast" data-testid="import-progress" role="status">
        <span className="spinner" aria-hidden />
        <span>
          {state.status === 'reading' ? (
            <>
              Reading <span className="mono">{state.name}</span>… {formatBytes(state.loaded)} of {formatBytes(state.total)}
              {pct !== null && ` (${pct}%)`}
            </>
          ) : (
            <>
              Importing <span className="mono">{state.name}</span> ({formatBytes(state.size)})… the core is parsing it
            </>
          )}
        </span>
      </div>
    )
  }

  const close = (
    <button className="btn btn-icon" onClick={dismissImport} aria-label="Dismiss" title="Dismiss (Esc)">
      ×
    </button>
  )
  if (state.status === 'error') {
    return (
      <div className="toast toast-error" data-testid="import-result" data-state="error" role="alert">
        <div className="toast-line">
          <strong>Import failed</strong>
          <span className="mono">{state.name}</span>
          <span className="header-spacer" />
          {close}
        </div>
        <div className="toast-body">{state.error}</div>
      </div>
    )
  }

  const { imported, skipped } = state.result
  const reasons = allReasons ? skipped : skipped.slice(0, SHOWN_REASONS)
  return (
    <div className={`toast${imported.length === 0 ? ' toast-warn' : ''}`} data-testid="import-result" data-state="done" role="status">
      <div className="toast-line">
        <strong>
          Imported {imported.length} {imported.length === 1 ? 'exchange' : 'exchanges'}
        </strong>
        {skipped.length > 0 && <span className="toast-skipped">skipped {skipped.length}</span>}
        <span className="mono muted">{state.name}</span>
        <span className="header-spacer" />
        {close}
      </div>
      {reasons.length > 0 && (
        <ul className="toast-reasons">
          {reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
      {!allReasons && skipped.length > SHOWN_REASONS && (
        <button className="btn btn-link" onClick={() => setAllReasons(true)}>
          … {skipped.length - SHOWN_REASONS} more reasons
        </button>
      )}
    </div>
  )
}
