// The data folder holds the product's files only (exchanges, blobs, settings, CA, keys). Chromium's profile
// (caches, local storage, the single-instance lock) stays in Electron's default userData folder, which is
// named after productName; only when that folder is the data folder, or inside it (no productName, or
// MIMO_INSPECTOR_DATA_DIR pointing there), the profile moves beside the data folder instead.
import { relative, resolve, isAbsolute } from 'node:path'
import type { ShellApp } from './electron-like'

function inside(path: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(path))
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** Must run before the app is ready. Returns the profile folder in use. */
export function keepProfileOutOfDataDir(app: ShellApp, dataDir: string): string {
  const profile = app.getPath('userData')
  if (!inside(profile, dataDir)) return profile
  const beside = `${resolve(dataDir)}-chromium`
  app.setPath('userData', beside)
  return beside
}
