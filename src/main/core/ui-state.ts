// ui.json in the data folder: what the user arranged in the UI and expects to find again after a restart, in
// the desktop app and in web mode alike (a browser's localStorage is per origin, and serve's port may change):
// pinned exchanges, columns, sort, newest-first, errors-only, the "Clear" mark, side by side. Written whole and
// atomically (temp file + rename); an unreadable file is set aside with a warning, never a reason to stop.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { UiSettings } from '../../shared/list-query'

interface UiFile {
  pins: string[]
  settings: UiSettings
}

export class UiState {
  readonly pins: Set<string>
  private settings: UiSettings
  readonly warning: string | null = null
  private readonly path: string

  constructor(dataDir: string, private readonly validate: (raw: unknown) => UiSettings) {
    this.path = join(dataDir, 'ui.json')
    let file: UiFile = { pins: [], settings: {} }
    if (existsSync(this.path)) {
      try {
        const raw = JSON.parse(readFileSync(this.path, 'utf8')) as Partial<UiFile>
        file = { pins: Array.isArray(raw.pins) ? raw.pins.filter((p): p is string => typeof p === 'string') : [], settings: validate(raw.settings ?? {}) }
      } catch (err) {
        const aside = `${this.path}.corrupt-${Date.now()}`
        renameSync(this.path, aside)
        this.warning = `ui.json could not be read (${(err as Error).message}); moved it to ${aside}: pins and list settings start over`
      }
    }
    this.pins = new Set(file.pins)
    this.settings = file.settings
  }

  getSettings(): UiSettings {
    return this.settings
  }

  /** Merges the fields given (an absent field is kept; the UI saves one change at a time). */
  saveSettings(patch: UiSettings): UiSettings {
    this.settings = { ...this.settings, ...patch }
    this.write()
    return this.settings
  }

  /** Returns the ids whose pin changed. */
  setPinned(ids: readonly string[], pinned: boolean): string[] {
    const changed = ids.filter((id) => this.pins.has(id) !== pinned)
    if (changed.length === 0) return []
    for (const id of changed) pinned ? this.pins.add(id) : this.pins.delete(id)
    this.write()
    return changed
  }

  /** Deleted exchanges lose their pins. */
  forget(ids: readonly string[]): void {
    this.setPinned(ids, false)
  }

  private write(): void {
    const tmp = `${this.path}.tmp-${process.pid}`
    writeFileSync(tmp, JSON.stringify({ pins: [...this.pins], settings: this.settings } satisfies UiFile, null, 2) + '\n')
    renameSync(tmp, this.path)
  }
}
