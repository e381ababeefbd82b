import { useEffect, useRef, useState } from 'react'
import { dismissImport } from '../../bridge/import-actions'
import { formatBytes } from '../../lib/format'
import { useAppStore } from '../../store/app-store'
import './import.css'

const SHOWN_REASONS = 5
/** A clean import's note goes away by itself after this long (not while the pointer or focus is on it). */
const CLEAN_FOR_MS = 6000

function useAutoDismiss(active: boolean): { onPointerEnter(): void; onPointerLeave(): void; onFocus(): void; onBlur(): void } {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const stop = () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
  }
  const start = () => {
    stop()
    if (active) timer.current = setTimeout(dismissImport, CLEAN_FOR_MS)
  }
  useEffect(() => {
    start()
    return stop
  }, [active])
  return { onPointerEnter: stop, onPointerLeave: start, onFocus: stop, onBlur: start }
}

/** How the last import went: progress while reading and parsing, then what came in and what was skipped. */
export function ImportToast() {
  const state = useAppStore((s) => s.importState)
  const [allReasons, setAllReasons] = useState(false)
  // Errors and imports that skipped something stay until dismissed: they say something to act on.
  const clean = state.status === 'done' && state.result.skipped.length === 0 && state.result.imported.length > 0
  const hover = useAutoDismiss(clean)
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
    <div className={`toast${imported.length === 0 ? ' toast-warn' : ''}`} data-testid="import-result" data-state="done" role="status" {...hover}>
      <div className="toast-line">
        <strong>
          Imported {imported.length} {imported.length === 1 ? 'exchange' : 'exchanges'}
        </strong>
        {skipped.length > 0 && <span className="toast-skipped">skipped {skipped.length}</span>}
        <span className="mono muted">{state.name}</span>
        <span className="header-spacer" />
        {close}
      </div>
      {state.result.bundle && (
        <div className="toast-body" data-testid="import-bundle">
          A repro bundle: its failing request is open with the culprit, rule and diff its author saw
          {state.result.bundle.minimalId ? ', the minimized request beside it' : ''}. Nothing was sent and no key came with it.
        </div>
      )}
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
