// Breakpoints added in the app (or through the API) are kept in the data folder, like repair rules: a rule
// list the user built survives a restart. "Break on the next request" (once) and `serve --break` ones are for
// the run only. An unreadable file is moved aside and said, never silently dropped.
import { join } from 'node:path'
import type { Breakpoint, BreakPhase } from '../../../shared/types'
import { readJsonFile, writeJsonFile } from '../json-file'

export const BREAKPOINTS_FILE = 'breakpoints.json'
const VERSION = 1

interface BreakpointsFile {
  version: typeof VERSION
  breakpoints: Array<Pick<Breakpoint, 'id' | 'filter' | 'phase' | 'createdAt'>>
}

const PHASES: readonly BreakPhase[] = ['request', 'response', 'both']

export function saveBreakpoints(dataDir: string, all: readonly Breakpoint[]): void {
  const file: BreakpointsFile = {
    version: VERSION,
    breakpoints: all.filter((b) => b.source === 'api' && !b.once).map(({ id, filter, phase, createdAt }) => ({ id, filter, phase, createdAt }))
  }
  writeJsonFile(join(dataDir, BREAKPOINTS_FILE), file)
}

/** The saved breakpoints, and what could not be read (said at start). */
export function loadBreakpoints(dataDir: string): { breakpoints: Breakpoint[]; warnings: string[] } {
  const warnings: string[] = []
  const read = (raw: unknown): Breakpoint[] => {
    const parsed = raw as Partial<BreakpointsFile>
    if (parsed.version !== VERSION) throw new Error(`version ${String(parsed.version)} is not one this version reads (${VERSION})`)
    if (!Array.isArray(parsed.breakpoints)) throw new Error('no breakpoints list in it')
    const breakpoints: Breakpoint[] = []
    for (const b of parsed.breakpoints) {
      if (typeof b?.id !== 'string' || typeof b.filter !== 'string' || !PHASES.includes(b.phase)) {
        warnings.push(`breakpoint ${JSON.stringify(b?.id)} in ${BREAKPOINTS_FILE} is not one this version reads; left out`)
        continue
      }
      breakpoints.push({ id: b.id, filter: b.filter, phase: b.phase, once: false, createdAt: String(b.createdAt ?? ''), source: 'api' })
    }
    return breakpoints
  }
  const { value, warning } = readJsonFile(join(dataDir, BREAKPOINTS_FILE), read, ', no saved breakpoint is on')
  return { breakpoints: value ?? [], warnings: warning ? [...warnings, warning] : warnings }
}
