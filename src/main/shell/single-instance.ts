// One app per user: Electron's single-instance lock (kept in Chromium's profile folder). A second launch
// hands over to the running app, which shows its window, instead of failing on the data folder's writer lock.
import type { ShellApp, ShellWindow } from './electron-like'

/** Takes the lock; false when another instance holds it (it has been told, and this one is quitting). */
export function claimSingleInstance(app: ShellApp, onSecondLaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', onSecondLaunch)
  return true
}

/** Brings the window to the front (restored if minimized); false when there is none to show. */
export function revealWindow(win: ShellWindow | null): boolean {
  if (!win || win.isDestroyed()) return false
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
  return true
}
