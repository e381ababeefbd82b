// Header: how many repair rules are on and how many requests they patched this run, and how many exchanges
// wait at a breakpoint. Either opens the panel where rules and breakpoints are managed.
import { useState } from 'react'
import { InterceptPanel } from './intercept-panel'
import { useBreakpointStatus, useRepairStatus } from './use-intercept'
import './intercept.css'

export function InterceptChips() {
  const repair = useRepairStatus()
  const breaks = useBreakpointStatus()
  const [open, setOpen] = useState(false)
  const paused = breaks?.paused.length ?? 0
  return (
    <>
      <button
        className={`btn btn-small intercept-chip${repair && repair.active > 0 ? ' intercept-on' : ''}`}
        data-testid="repair-chip"
        aria-pressed={open}
        onClick={() => setOpen(!open)}
        title="Repair rules change matching requests before they are forwarded; breakpoints pause them"
      >
        Rules <strong data-testid="rules-on">{repair?.active ?? 0}</strong> on · <strong data-testid="patched-count">{repair?.patchedThisRun ?? 0}</strong> patched
      </button>
      {paused > 0 && (
        <button className="btn btn-small intercept-paused" data-testid="paused-chip" onClick={() => setOpen(true)} title="Exchanges waiting at a breakpoint">
          {paused} paused
        </button>
      )}
      {open && <InterceptPanel repair={repair} breaks={breaks} onClose={() => setOpen(false)} />}
    </>
  )
}
