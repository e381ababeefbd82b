// Stand-ins for Electron's app and window that behave like Electron where the shell relies on it: quit()
// emits before-quit and exits unless a listener prevents it; the single-instance lock is per profile folder
// and tells the holder about a second launch. Typed by the shell's own interfaces (checked against
// electron.d.ts), so a fake cannot drift from what Electron offers.
import { EventEmitter } from 'node:events'
import type { QuitEvent, ShellApp, ShellWindow } from '../../../src/main/shell/electron-like'

const locks = new Map<string, FakeApp>()

export class FakeApp extends EventEmitter implements ShellApp {
  quitCalls = 0
  exited = false
  /** Called at the moment the process would exit. */
  onExit: () => void = () => {}
  readonly paths = new Map<string, string>()

  constructor(userData: string) {
    super()
    this.paths.set('userData', userData)
  }

  requestSingleInstanceLock(): boolean {
    const key = this.getPath('userData')
    const holder = locks.get(key)
    if (holder && holder !== this && !holder.exited) {
      holder.emit('second-instance', { preventDefault() {} }, ['electron', '.'], process.cwd(), {})
      return false
    }
    locks.set(key, this)
    return true
  }

  quit(): void {
    this.quitCalls++
    let prevented = false
    const event: QuitEvent = { preventDefault: () => void (prevented = true) }
    this.emit('before-quit', event)
    if (prevented || this.exited) return
    this.exited = true
    this.onExit()
  }

  getPath(name: 'userData'): string {
    return this.paths.get(name)!
  }

  setPath(name: 'userData', path: string): void {
    this.paths.set(name, path)
  }
}

export class FakeWindow implements ShellWindow {
  calls: string[] = []
  sent: Array<[string, unknown]> = []
  destroyed = false
  minimized = false
  readonly webContents = {
    destroyed: false,
    throws: false,
    isDestroyed: () => this.webContents.destroyed,
    send: (channel: string, payload: unknown) => {
      if (this.webContents.throws) throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      this.sent.push([channel, payload])
    }
  }

  isDestroyed(): boolean {
    return this.destroyed
  }
  isMinimized(): boolean {
    return this.minimized
  }
  restore(): void {
    this.calls.push('restore')
    this.minimized = false
  }
  show(): void {
    this.calls.push('show')
  }
  focus(): void {
    this.calls.push('focus')
  }
}
