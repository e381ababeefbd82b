// A quit waits for the core to close: the proxy stops, the persist worker writes what already ended, the
// store lets go of `writer.lock`. Electron does not await a `before-quit` listener, so the first quit is
// cancelled, the close awaited (with a time limit, so a stuck close cannot keep the app alive), and the app
// then quits for real.
import type { ShellApp } from './electron-like'

export interface QuitGateOptions {
  /** How long a close may take before the app quits anyway. */
  timeoutMs: number
  log?: (line: string) => void
}

export const QUIT_TIMEOUT_MS = 10_000

export function holdQuitUntilClosed(app: ShellApp, close: () => Promise<void>, { timeoutMs, log = console.error }: QuitGateOptions): void {
  let state: 'running' | 'closing' | 'closed' = 'running'
  app.on('before-quit', (event) => {
    if (state === 'closed') return
    event.preventDefault()
    if (state === 'closing') return
    state = 'closing'
    void closeWithin(close, timeoutMs, log).then(() => {
      state = 'closed'
      app.quit()
    })
  })
}

async function closeWithin(close: () => Promise<void>, timeoutMs: number, log: (line: string) => void): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)))
  try {
    const how = await Promise.race([close().then(() => 'closed' as const), timedOut])
    if (how === 'timeout') log(`MiMo Inspector: closing took over ${timeoutMs / 1000} s; quitting anyway (exchanges still being written may be lost)`)
  } catch (err) {
    log(`MiMo Inspector: closing failed: ${(err as Error).message}`)
  } finally {
    clearTimeout(timer)
  }
}
