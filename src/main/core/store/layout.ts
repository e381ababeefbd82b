// The data folder's store layout. `store.json` names the format and the current generation; a generation is
// a folder `store-N` with the journal and the pack. Migration and compaction write a whole new generation
// beside the current one and switch by replacing `store.json` (write, fsync, rename): a kill at any moment
// leaves the old generation or the new one current, never a mix. Whatever is not current is removed by the
// next writer to open the folder.
//
// Format 1 (before `store.json` existed): `exchanges.jsonl` + `blobs.pack` + `blobs.idx` (legacy-v1.ts).
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const STORE_FORMAT = 2
export const STORE_FILE = 'store.json'
export const JOURNAL_FILE = 'exchanges.journal'
export const PACK_FILE = 'bodies.pack'
export const V1_FILES = ['exchanges.jsonl', 'blobs.pack', 'blobs.idx']

export class StoreFormatError extends Error {}

export type FolderState = { format: 'empty' } | { format: 1 } | { format: 2; generation: number }

export function folderState(dir: string): FolderState {
  const file = join(dir, STORE_FILE)
  if (!existsSync(file)) return V1_FILES.slice(0, 2).some((f) => existsSync(join(dir, f))) ? { format: 1 } : { format: 'empty' }
  let parsed: { format?: unknown; generation?: unknown }
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as typeof parsed
  } catch (err) {
    throw new StoreFormatError(`${file} cannot be read (${(err as Error).message}); it names the store's current files, so the folder cannot be opened without it`)
  }
  if (parsed.format !== STORE_FORMAT) throw new StoreFormatError(`${file} says store format ${String(parsed.format)}; this version of MiMo Inspector reads formats 1 and ${STORE_FORMAT} (a newer version wrote this folder?)`)
  if (!Number.isSafeInteger(parsed.generation) || (parsed.generation as number) < 1) throw new StoreFormatError(`${file} names no valid generation`)
  return { format: 2, generation: parsed.generation as number }
}

export function generationDir(dir: string, generation: number): string {
  return join(dir, `store-${generation}`)
}

/** A fresh, empty folder for a generation (anything left there by an interrupted run is removed first). */
export function freshGeneration(dir: string, generation: number): string {
  const g = generationDir(dir, generation)
  rmSync(g, { recursive: true, force: true })
  mkdirSync(g, { recursive: true })
  return g
}

/** Makes `generation` current: its files durable first, then `store.json` replaced in one rename. */
export function commitGeneration(dir: string, generation: number): void {
  const g = generationDir(dir, generation)
  for (const f of readdirSync(g)) fsyncPath(join(g, f))
  fsyncPath(g)
  const tmp = join(dir, `${STORE_FILE}.tmp`)
  writeFileSync(tmp, JSON.stringify({ format: STORE_FORMAT, generation }) + '\n')
  fsyncPath(tmp)
  renameSync(tmp, join(dir, STORE_FILE))
  fsyncPath(dir)
}

/**
 * Removes what is not the current generation: older generations, unfinished new ones (only when `all`: no
 * compaction can be running, i.e. at open), format-1 files once format 2 is current.
 */
export function removeStale(dir: string, current: number, all: boolean): void {
  for (const name of readdirSync(dir)) {
    const m = /^store-(\d+)$/.exec(name)
    const stale = m ? Number(m[1]) !== current && (all || Number(m[1]) < current) : V1_FILES.includes(name) || name === `${STORE_FILE}.tmp`
    if (!stale) continue
    try {
      rmSync(join(dir, name), { recursive: true, force: true })
    } catch {
      /* still open elsewhere (Windows); the next open retries */
    }
  }
}

function fsyncPath(path: string): void {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return
  }
  try {
    fsyncSync(fd)
  } catch {
    /* directories cannot be fsynced on some platforms (Windows) */
  } finally {
    closeSync(fd)
  }
}
