// A full disk (the body pack is /dev/full, which fails every write with ENOSPC): traffic keeps flowing, and
// the store status says recording stopped and why.
import { rmSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import { afterEach, expect, it } from 'vitest'
import type { StoreStatus } from '../../src/shared/types'
import { Store } from '../../src/main/core/store/store'
import { PACK_FILE } from '../../src/main/core/store/layout'
import { startStack, tempDataDir, PAYG_KEY, type Stack } from './stack'
import { skipUnless } from '../needs'

let stack: Stack
afterEach(async () => stack?.close())

it.skipIf(skipUnless(existsSync('/dev/full'), '/dev/full (a device that answers every write with ENOSPC)'))('keeps forwarding when the disk is full and says recording stopped', async () => {
  const dataDir = tempDataDir()
  Store.open(dataDir).close()
  rmSync(join(dataDir, 'store-1', PACK_FILE))
  symlinkSync('/dev/full', join(dataDir, 'store-1', PACK_FILE))
  stack = await startStack({}, { dataDir })
  const statuses: StoreStatus[] = []
  stack.inspector.events.on('store:status', (s) => statuses.push(s))
  for (let i = 0; i < 3; i++) {
    const res = await fetch(`${stack.proxyUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${PAYG_KEY}` },
      body: JSON.stringify({ model: 'mimo-v2.5', messages: [{ role: 'user', content: `hello ${i} ${'x'.repeat(5000)}` }] })
    })
    expect(res.status).toBe(200)
    expect((await res.json()).choices[0].message.content).toContain('MiMo emulator')
  }
  await expect.poll(() => statuses.at(-1)?.recording, { timeout: 15_000 }).toBe(false)
  const status = await stack.inspector.handlers['store:status'](null)
  expect(status.recording).toBe(false)
  expect(status.error).toMatch(/ENOSPC/)
  // What was in flight is still listed, with what it got.
  const list = await stack.inspector.handlers['exchanges:list']({ offset: 0, limit: 10 })
  expect(list.items.length).toBeGreaterThanOrEqual(1)
})
