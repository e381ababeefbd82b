// The desktop app's quit: Electron does not wait for a before-quit listener, so the shell cancels the first
// quit, awaits the core's close (time-limited) and quits again. Run with a real Inspector recording real
// traffic from the emulator; the fake app "exits" where Electron would, and the test looks at the data folder
// at that moment.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { holdQuitUntilClosed } from '../../../src/main/shell/quit-gate'
import { Store } from '../../../src/main/core/store/store'
import { PAYG_KEY, startStack, tempDataDir, type Stack } from '../../integration/stack'
import { FakeApp } from './fake-electron'

let stack: Stack | null = null
afterEach(async () => {
  await stack?.emulator.close()
  stack = null
})

function storedIds(dir: string): string[] {
  const store = Store.open(dir, { readOnly: true })
  const ids = store.records.map((r) => r.summary.id)
  store.close()
  return ids
}

describe('quit', () => {
  it('waits for the core to close: every exchange that ended is stored and writer.lock is gone before the app exits', async () => {
    stack = await startStack()
    const dir = stack.dataDir
    const app = new FakeApp(tempDataDir())
    const atExit = new Promise<{ lock: boolean; stored: number }>((resolve) => {
      app.onExit = () => resolve({ lock: existsSync(join(dir, 'writer.lock')), stored: storedIds(dir).length })
    })
    const inspector = stack.inspector
    holdQuitUntilClosed(app, () => inspector.close(), { timeoutMs: 10_000 })
    expect(existsSync(join(dir, 'writer.lock'))).toBe(true)

    // Bodies big enough that persisting them takes a while after the client has its answer.
    const big = 'y'.repeat(3_000_000)
    const answers = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        fetch(`${stack!.proxyUrl}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${PAYG_KEY}` },
          body: JSON.stringify({ model: 'mimo-v2-flash', messages: [{ role: 'user', content: `${i} ${big}` }] })
        }).then((r) => r.status)
      )
    )
    expect(answers).toEqual([200, 200, 200, 200])
    app.quit()
    expect(app.exited).toBe(false) // the first quit was held
    const state = await atExit
    expect(state).toEqual({ lock: false, stored: 4 })
    expect(app.quitCalls).toBe(2)
  })

  it('a second quit while closing does not start another close', async () => {
    const app = new FakeApp(tempDataDir())
    let closes = 0
    let finish!: () => void
    holdQuitUntilClosed(app, () => (closes++, new Promise<void>((r) => (finish = r))), { timeoutMs: 10_000 })
    app.quit()
    app.quit()
    expect(closes).toBe(1)
    expect(app.exited).toBe(false)
    finish()
    await expect.poll(() => app.exited).toBe(true)
  })

  it('quits anyway when closing hangs past the time limit, and says so', async () => {
    const app = new FakeApp(tempDataDir())
    const lines: string[] = []
    const t0 = Date.now()
    holdQuitUntilClosed(app, () => new Promise<void>(() => {}), { timeoutMs: 200, log: (l) => lines.push(l) })
    app.quit()
    await expect.poll(() => app.exited).toBe(true)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190)
    expect(lines.join('\n')).toMatch(/closing took over 0.2 s; quitting anyway/)
  })

  it('quits when closing fails, with the reason', async () => {
    const app = new FakeApp(tempDataDir())
    const lines: string[] = []
    holdQuitUntilClosed(app, () => Promise.reject(new Error('disk gone')), { timeoutMs: 5000, log: (l) => lines.push(l) })
    app.quit()
    await expect.poll(() => app.exited).toBe(true)
    expect(lines).toEqual(['MiMo Inspector: closing failed: disk gone'])
  })
})
