// The Electron shell, kept thin: window, IPC adapter of the contract, external links. All logic is in core;
// the app's lifecycle rules (one instance, a quit that waits for the store, the profile folder, events to a
// window that may be gone) are in ./shell, where unit tests run them without Electron.
import { app, BrowserWindow, dialog, ipcMain, session, shell, type IpcMainInvokeEvent } from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CALL_NAMES, IPC_EVENT_CHANNEL, parseCallArg, type CallName } from '../shared/api'
import { Inspector } from './core/inspector'
import { defaultDataDir } from './core/paths'
import { writeRuntime } from './core/runtime-file'
import { safeStorageKeyStore } from './safe-storage-keys'
import { APP_FILES } from './shell/app-files'
import { keepProfileOutOfDataDir } from './shell/chromium-profile'
import { QUIT_TIMEOUT_MS, holdQuitUntilClosed } from './shell/quit-gate'
import { claimSingleInstance, revealWindow } from './shell/single-instance'
import { sendToWindow } from './shell/window-events'

const here = fileURLToPath(new URL('.', import.meta.url))
const rendererUrl = process.env.ELECTRON_RENDERER_URL // set by `electron-vite dev`
const rendererFile = join(here, APP_FILES.renderer)

// The same folder the headless commands use, so `mimo-inspector list` sees what the app recorded.
const dataDir = defaultDataDir()

let inspector: Inspector | null = null
let win: BrowserWindow | null = null

function trustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? ''
  return rendererUrl ? url.startsWith(rendererUrl) : url.startsWith('file://') && fileURLToPath(url.split(/[?#]/)[0]) === rendererFile
}

function registerIpc(core: Inspector): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(name, async (event, raw: unknown) => {
      if (!trustedSender(event)) throw new Error(`${name}: refused, the caller is not the inspector window`)
      const handler = core.handlers[name] as (arg: unknown) => Promise<unknown>
      return handler(parseCallArg(name as CallName, raw))
    })
  }
  core.events.onAny((event, payload) => sendToWindow(win, IPC_EVENT_CHANNEL, { event, payload }))
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'MiMo Inspector',
    icon: join(here, APP_FILES.icon),
    backgroundColor: '#14161a',
    webPreferences: {
      preload: join(here, APP_FILES.preload),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // A middle click would otherwise open a link in a new window.
      disableBlinkFeatures: 'Auxclick'
    }
  })
  const contents = win.webContents
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
  win.on('closed', () => (win = null))
  if (rendererUrl) void win.loadURL(rendererUrl)
  else void win.loadFile(rendererFile)
}

async function start(): Promise<Inspector | null> {
  await app.whenReady()
  // A packaged macOS app has its .icns; `npm start` would show Electron's own icon in the dock.
  if (process.platform === 'darwin' && !app.isPackaged) app.dock?.setIcon(join(here, APP_FILES.icon))
  // The UI needs no camera, notifications or other permission: refuse every request and check.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  try {
    inspector = await Inspector.start({ dataDir, version: app.getVersion(), shell: 'electron', keyStore: safeStorageKeyStore(dataDir) })
  } catch (err) {
    dialog.showErrorBox('MiMo Inspector cannot start', (err as Error).message)
    app.exit(1)
    return null
  }
  const removeRuntime = writeRuntime(dataDir, { pid: process.pid, proxyUrl: inspector.proxyStatus().reverse.url, uiUrl: null })
  app.on('will-quit', () => removeRuntime())
  registerIpc(inspector)
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  return inspector
}

function main(): void {
  // Before the lock: the lock lives in the profile folder, which must not be the data folder.
  keepProfileOutOfDataDir(app, dataDir)
  const onSecondLaunch = (): void => {
    if (!revealWindow(win) && inspector) createWindow()
  }
  if (!claimSingleInstance(app, onSecondLaunch)) return

  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  const started = start()
  // A quit while starting waits for the start, then closes what it opened.
  holdQuitUntilClosed(app, async () => (await started)?.close(), { timeoutMs: QUIT_TIMEOUT_MS })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

main()
