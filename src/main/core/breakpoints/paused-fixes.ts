// One-click fixes on a request paused at a breakpoint: the same catalogue as the replay editor, with the evidence
// of the conversation the request continues (it is not recorded yet, so that is read from the evidence itself).
import type { EditResult } from '../../../shared/types'
import { applyFix, FixError, type FixProtocol } from '../replay/fixes'
import { FIXES, isFixId } from '../replay/fixes/registry'
import { liveContext, type LiveContextDeps } from '../repair/live-context'
import { LIVE_FIXES } from '../repair/repair-rules'

export function applyPausedFix(protocol: FixProtocol, fixId: string, bodyText: string, deps: LiveContextDeps): EditResult {
  return applyFix(fixId, { protocol, bodyText, evidence: (body) => liveContext(body, deps).evidence })
}

/** The fixes that change this body, in catalogue order (the restores first). */
export function pausedFixes(protocol: FixProtocol, bodyText: string, deps: LiveContextDeps): string[] {
  return LIVE_FIXES.filter((id) => {
    if (!isFixId(id) || !FIXES[id].protocols.includes(protocol)) return false
    try {
      applyPausedFix(protocol, id, bodyText, deps)
      return true
    } catch (err) {
      if (err instanceof FixError) return false
      throw err
    }
  })
}
