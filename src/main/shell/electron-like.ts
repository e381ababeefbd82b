// The parts of Electron's `app` and `BrowserWindow` the shell logic uses, so that logic runs in unit tests
// without the Electron binary. The checks at the bottom keep them true to electron.d.ts: if Electron's own
// types stop fitting, the build fails.
import type { App, BrowserWindow } from 'electron'

export interface QuitEvent {
  preventDefault(): void
}

export interface ShellApp {
  requestSingleInstanceLock(): boolean
  quit(): void
  getPath(name: 'userData'): string
  setPath(name: 'userData', path: string): void
  on(event: 'before-quit', listener: (event: QuitEvent) => void): unknown
  on(event: 'second-instance', listener: () => void): unknown
}

export interface ShellWindow {
  isDestroyed(): boolean
  isMinimized(): boolean
  restore(): void
  show(): void
  focus(): void
  webContents: {
    isDestroyed(): boolean
    send(channel: string, ...args: unknown[]): void
  }
}

type Fits<T extends U, U> = T
export type ElectronAppFits = Fits<App, ShellApp>
export type ElectronWindowFits = Fits<BrowserWindow, ShellWindow>
