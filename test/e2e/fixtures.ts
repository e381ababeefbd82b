// One Playwright fixture for every browser test: a MiMo emulator on loopback and `mimo-inspector serve` in
// front of it, each test with a data folder of its own.
import { test as base } from '@playwright/test'
import { startEmulator, type Emulator } from '../emulator/server'
import { startServe, type Serve } from './serve'

export interface Stack {
  emulator: Emulator
  serve: Serve
  /** Stops serve and starts it again on the same data folder (and the same upstream). */
  restart(): Promise<Serve>
}

export const test = base.extend<{ stack: Stack }>({
  stack: async ({}, use) => {
    const emulator = await startEmulator()
    let serve = await startServe({ upstream: emulator.url })
    const stack: Stack = {
      emulator,
      get serve() {
        return serve
      },
      restart: async () => {
        await serve.stop()
        serve = await startServe({ upstream: emulator.url, dataDir: serve.dataDir })
        return serve
      }
    }
    await use(stack)
    await serve.stop()
    await emulator.close()
  }
})

export { expect } from '@playwright/test'
