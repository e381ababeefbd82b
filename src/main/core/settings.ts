// settings.json in the data folder: the chosen upstream. Written atomically (temp file + rename); a corrupt
// file is set aside with a clear message instead of stopping the app.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { UpstreamProfileId } from '../../shared/types'

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
  const path = join(dataDir, 'settings.json')
  if (!existsSync(path)) return { settings: DEFAULT_SETTINGS, warning: null }
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Settings>
    if (!parsed.upstream || typeof parsed.upstream.profile !== 'string') throw new Error('no upstream profile in it')
    return { settings: { ...DEFAULT_SETTINGS, ...parsed } as Settings, warning: null }
  } catch (err) {
    const aside = `${path}.corrupt-${Date.now()}`
    renameSync(path, aside)
    return { settings: DEFAULT_SETTINGS, warning: `settings.json could not be read (${(err as Error).message}); moved it to ${aside} and used the defaults` }
  }
}

export function saveSettings(dataDir: string, settings: Settings): void {
  const path = join(dataDir, 'settings.json')
  const tmp = `${path}.tmp-${process.pid}`
  writeFileSync(tmp, JSON.stringify(settings, null, 2) + '\n')
  renameSync(tmp, path)
}
