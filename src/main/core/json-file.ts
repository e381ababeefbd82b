// The small JSON files of the data folder (settings, ui state, repair rules, breakpoints): written atomically
// (a temp file, then a rename, so a crash leaves the old file or the new one), and read so that a file that
// cannot be read is moved aside with a message saying where, never silently dropped or fatal.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'

export function writeJsonFile(path: string, value: unknown): void {
  const tmp = `${path}.tmp-${process.pid}`
  writeFileSync(tmp, JSON.stringify(value, null, 2) + '\n')
  renameSync(tmp, path)
}

/**
 * `read` takes the parsed JSON and throws on a shape it cannot use. Absent file: value null, no warning.
 * Unreadable: moved to `<path>.corrupt-<time>`, value null, and a warning ending with `then` ("; used the defaults").
 */
export function readJsonFile<T>(path: string, read: (raw: unknown) => T, then: string): { value: T | null; warning: string | null } {
  if (!existsSync(path)) return { value: null, warning: null }
  try {
    return { value: read(JSON.parse(readFileSync(path, 'utf8'))), warning: null }
  } catch (err) {
    const aside = `${path}.corrupt-${Date.now()}`
    renameSync(path, aside)
    return { value: null, warning: `${basename(path)} could not be read (${(err as Error).message}); moved it to ${aside}${then}` }
  }
}
