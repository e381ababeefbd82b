// Breakpoints added in the app (or through the API) are kept in the data folder, like repair rules: a rule
// list the user built survives a restart. "Break on the next request" (once) and `serve --break` ones are for
// the run only. An unreadable file is moved aside and said, never silently dropped.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Breakpoint, BreakPhase } from '../../../shared/types'

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
  const path = join(dataDir, BREAKPOINTS_FILE)
  const tmp = `${path}.tmp-${process.pid}`
  writeFileSync(tmp, JSON.stringify(file, null, 2) + '\n')
  renameSync(tmp, path)
}

/** The saved breakpoints, and what could not be read (said at start). */
export function loadBreakpoints(dataDir: string): { breakpoints: Breakpoint[]; warnings: string[] } {
  const path = join(dataDir, BREAKPOINTS_FILE)
  if (!existsSync(path)) return { breakpoints: [], warnings: [] }
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<BreakpointsFile>
    if (parsed.version !== VERSION) throw new Error(`version ${String(parsed.version)} is not one this version reads (${VERSION})`)
    if (!Array.isArray(parsed.breakpoints)) throw new Error('no breakpoints list in it')
    const breakpoints: Breakpoint[] = []
    const warnings: string[] = []
    for (const b of parsed.breakpoints) {
      if (typeof b?.id !== 'string' || typeof b.filter !== 'string' || !PHASES.includes(b.phase)) {
        warnings.push(`breakpoint ${JSON.stringify(b?.id)} in ${BREAKPOINTS_FILE} is not one this version reads; left out`)
        continue
      }
      breakpoints.push({ id: b.id, filter: b.filter, phase: b.phase, once: false, createdAt: String(b.createdAt ?? ''), source: 'api' })
    }
    return { breakpoints, warnings }
  } catch (err) {
    const aside = `${path}.corrupt-${Date.now()}`
    renameSync(path, aside)
    return { breakpoints: [], warnings: [`${BREAKPOINTS_FILE} could not be read (${(err as Error).message}); moved it to ${aside}, no saved breakpoint is on`] }
  }
}
