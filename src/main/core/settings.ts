// settings.json in the data folder: the chosen upstream. Written atomically (temp file + rename); a corrupt
// file is set aside with a clear message instead of stopping the app.
import { join } from 'node:path'
import type { UpstreamProfileId } from '../../shared/types'
import { readJsonFile, writeJsonFile } from './json-file'

export interface Settings {
  upstream: { profile: UpstreamProfileId; url?: string }
  /** The forward proxy: on or off, its port and capture list, as the user last set them. */
  mitm?: { enabled: boolean; port: number; captureHosts: string[] }
}

export const DEFAULT_SETTINGS: Settings = { upstream: { profile: 'mimo' } }

export interface LoadedSettings {
  settings: Settings
  warning: string | null
}

export function loadSettings(dataDir: string): LoadedSettings {
  const read = (raw: unknown): Settings => {
    const parsed = raw as Partial<Settings>
    if (!parsed?.upstream || typeof parsed.upstream.profile !== 'string') throw new Error('no upstream profile in it')
    return { ...DEFAULT_SETTINGS, ...parsed } as Settings
  }
  const { value, warning } = readJsonFile(join(dataDir, 'settings.json'), read, ' and used the defaults')
  return { settings: value ?? DEFAULT_SETTINGS, warning }
}

export function saveSettings(dataDir: string, settings: Settings): void {
  writeJsonFile(join(dataDir, 'settings.json'), settings)
}
