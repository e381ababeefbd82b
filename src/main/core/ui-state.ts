// ui.json in the data folder: what the user arranged in the UI and expects to find again after a restart, in
// the desktop app and in web mode alike (a browser's localStorage is per origin, and serve's port may change):
// pinned exchanges, columns, sort, newest-first, errors-only, the "Clear" mark, side by side. Written whole and
// atomically (temp file + rename); an unreadable file is set aside with a warning, never a reason to stop.
import { join } from 'node:path'
import type { UiSettings } from '../../shared/list-query'
import { readJsonFile, writeJsonFile } from './json-file'

interface UiFile {
  pins: string[]
  settings: UiSettings
}

export class UiState {
  readonly pins: Set<string>
  private settings: UiSettings
  readonly warning: string | null
  private readonly path: string

  constructor(dataDir: string, private readonly validate: (raw: unknown) => UiSettings) {
    this.path = join(dataDir, 'ui.json')
    const read = (raw: unknown): UiFile => {
      const file = raw as Partial<UiFile>
      return { pins: Array.isArray(file.pins) ? file.pins.filter((p): p is string => typeof p === 'string') : [], settings: validate(file.settings ?? {}) }
    }
    const loaded = readJsonFile(this.path, read, ': pins and list settings start over')
    const file: UiFile = loaded.value ?? { pins: [], settings: {} }
    this.warning = loaded.warning
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
    writeJsonFile(this.path, { pins: [...this.pins], settings: this.settings } satisfies UiFile)
  }
}
