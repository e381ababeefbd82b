// The data folder. The desktop app and the headless commands use the same default so `list` and `show`
// see what the app recorded. (The desktop app keeps Chromium's profile apart, in Electron's userData.)
import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'mimo-inspector'

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.MIMO_INSPECTOR_DATA_DIR) return env.MIMO_INSPECTOR_DATA_DIR
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_NAME)
}
