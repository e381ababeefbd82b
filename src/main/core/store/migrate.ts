// Brings a data folder to the current store format before anything writes to it: a new folder gets an empty
// generation 1; a format-1 folder is copied into generation 1 and switched over (layout.ts: a kill at any
// point leaves format 1 intact, or format 2 complete); leftovers of an interrupted run are removed.
import { mkdirSync } from 'node:fs'
import { commitGeneration, folderState, freshGeneration, generationDir, removeStale } from './layout'
import { GenerationWriter } from './generation-writer'
import { V1Store } from './legacy-v1'
import { writeGeneration, type RewriteProgress, type RewriteResult } from './rewrite'

export interface Prepared {
  generation: number
  /** Set when a format-1 folder was migrated just now. */
  migrated: RewriteResult | null
}

/** The caller holds the folder's lock (or is the only one that can write it). */
export function prepareFolder(dir: string, onMigrate?: (p: RewriteProgress) => void): Prepared {
  mkdirSync(dir, { recursive: true })
  const state = folderState(dir)
  if (state.format === 2) {
    removeStale(dir, state.generation, true)
    return { generation: state.generation, migrated: null }
  }
  let migrated: RewriteResult | null = null
  if (state.format === 1) {
    const v1 = new V1Store(dir)
    try {
      migrated = writeGeneration(dir, 1, v1, onMigrate)
    } finally {
      v1.close()
    }
  } else {
    new GenerationWriter(dir, 1, freshGeneration(dir, 1)).close()
  }
  commitGeneration(dir, 1)
  removeStale(dir, 1, true)
  return { generation: 1, migrated }
}

export { generationDir }
