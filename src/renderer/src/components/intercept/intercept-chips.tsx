// Header: how many repair rules are on and how many requests they patched this run (in the "More" menu when the
// header is narrow), and how many exchanges wait at a breakpoint (always in view while any does). Either opens
// the panel where rules and breakpoints are managed.
import { InterceptPanel } from './intercept-panel'
import { setPanelOpen, usePanelOpen } from './panel-open'
import { useBreakpointStatus, useRepairStatus } from './use-intercept'
import './intercept.css'

export function RulesChip() {
  const repair = useRepairStatus()
  const open = usePanelOpen()
  return (
    <button
      className={`btn btn-small intercept-chip${repair && repair.active > 0 ? ' intercept-on' : ''}`}
      data-testid="repair-chip"
      aria-pressed={open}
      onClick={() => setPanelOpen(!open)}
      title="Repair rules change matching requests before they are forwarded; breakpoints pause them"
    >
      Rules <strong data-testid="rules-on">{repair?.active ?? 0}</strong> on · <strong data-testid="patched-count">{repair?.patchedThisRun ?? 0}</strong> patched
    </button>
  )
}

/** The paused count and the panel; `rules` puts the rules chip beside them (when the header has room). */
export function InterceptChips({ rules }: { rules: boolean }) {
  const repair = useRepairStatus()
  const breaks = useBreakpointStatus()
  const open = usePanelOpen()
  const paused = breaks?.paused.length ?? 0
  return (
    <>
      {rules && <RulesChip />}
      {paused > 0 && (
        <button className="btn btn-small intercept-paused" data-testid="paused-chip" onClick={() => setPanelOpen(true)} title="Exchanges waiting at a breakpoint">
          {paused} paused
        </button>
      )}
      {open && <InterceptPanel repair={repair} breaks={breaks} onClose={() => setPanelOpen(false)} />}
    </>
  )
}
