// Core events go to the window over IPC. The window can be closed (macOS keeps the app running), or its page
// gone (a crashed or reloading renderer) while the core still emits: such an event is dropped, since the UI
// reloads its state from the core when it comes back.
import type { ShellWindow } from './electron-like'

/** Sends when there is a live page to send to; returns whether it did. */
export function sendToWindow(win: ShellWindow | null, channel: string, payload: unknown): boolean {
  if (!win || win.isDestroyed() || win.webContents.isDestroyed()) return false
  try {
    win.webContents.send(channel, payload)
    return true
  } catch {
    // The frame went away between the check and the send (Electron throws "Render frame was disposed").
    return false
  }
}
