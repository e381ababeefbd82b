// A scene is a running product (the MiMo emulator and `mimo-inspector serve` in front of it, each with a data
// folder of its own) in one of the states a view needs: real traffic, nothing yet, a full disk, many rows.
// Shared by the view checks in the e2e suite and `npm run screenshots`.
import { rmSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { Store } from '../../../src/main/core/store/store'
import { generationDir, PACK_FILE } from '../../../src/main/core/store/layout'
import { startEmulator, type Emulator } from '../../emulator/server'
import { SESSION_KEY } from '../../scenarios/agent-sessions'
import { startServe, tempDir, type Serve } from '../serve'
import { driveTraffic } from './traffic'

export type SceneKind = 'empty' | 'traffic' | 'disk-full' | 'many-rows'

export interface Scene {
  kind: SceneKind
  emulator: Emulator
  serve: Serve
  close(): Promise<void>
}

/** Small requests through the proxy, `concurrency` at a time, as a busy agent fleet would send them. */
export async function sendMany(proxyUrl: string, count: number, concurrency = 16): Promise<void> {
  let next = 0
  const one = async (i: number): Promise<void> => {
    const openai = i % 3 === 2
    const body = openai
      ? { model: 'mimo-v2.5', messages: [{ role: 'user', content: `Request ${i}: summarise the change in src/module_${i % 97}.ts` }] }
      : { model: 'mimo-v2.5-pro', max_tokens: 256, messages: [{ role: 'user', content: `Request ${i}: what does src/module_${i % 97}.ts export?` }] }
    const res = await fetch(`${proxyUrl}${openai ? '/v1/chat/completions' : '/anthropic/v1/messages'}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openai ? { authorization: `Bearer ${SESSION_KEY}` } : { 'x-api-key': SESSION_KEY }) },
      body: JSON.stringify(body)
    })
    await res.arrayBuffer()
  }
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await one(next++)
    })
  )
}

export async function startScene(kind: SceneKind): Promise<Scene> {
  const emulator = await startEmulator()
  const dataDir = tempDir('mimo-views-')
  // The disk-full test's way: the current generation's pack is /dev/full, so every write fails with ENOSPC.
  if (kind === 'disk-full') {
    Store.open(dataDir).close()
    const pack = join(generationDir(dataDir, 1), PACK_FILE)
    rmSync(pack)
    symlinkSync('/dev/full', pack)
  }
  const serve = await startServe({ upstream: emulator.url, dataDir })
  const scene: Scene = {
    kind,
    emulator,
    serve,
    close: async () => {
      await serve.stop()
      await emulator.close()
    }
  }
  try {
    if (kind === 'traffic') await driveTraffic(serve.proxyUrl, emulator)
    if (kind === 'disk-full') await sendMany(serve.proxyUrl, 3, 1)
    if (kind === 'many-rows') {
      await sendMany(serve.proxyUrl, 10_000)
      await driveTraffic(serve.proxyUrl, emulator)
    }
  } catch (err) {
    await scene.close()
    throw err
  }
  return scene
}
