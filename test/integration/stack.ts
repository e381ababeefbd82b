// Test fixture: the MiMo emulator on loopback and an Inspector in a temporary data folder in front of it.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator/server'
import { Inspector, type InspectorOptions } from '../../src/main/core/inspector'
import type { ExchangeSummary } from '../../src/shared/types'

export const PAYG_KEY = 'sk-integration0123456789abcdefXYZ'
export const TP_KEY = 'tp-integration0123456789abcdefXYZ'

export interface Stack {
  emulator: Emulator
  inspector: Inspector
  proxyUrl: string
  dataDir: string
  /** Resolves when the exchange with this seq, or the next one to end, is persisted. */
  ended(count?: number): Promise<ExchangeSummary[]>
  restart(): Promise<Inspector>
  close(): Promise<void>
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'mimo-inspector-'))
}

export async function startStack(emulatorOptions: EmulatorOptions = {}, inspectorOptions: Partial<InspectorOptions> = {}): Promise<Stack> {
  const emulator = await startEmulator(emulatorOptions)
  const dataDir = inspectorOptions.dataDir ?? tempDataDir()
  const options: InspectorOptions = { dataDir, version: 'test', shell: 'web', proxyPort: 0, upstream: emulator.url, ...inspectorOptions }
  let inspector = await Inspector.start(options)
  const stack: Stack = {
    emulator,
    get inspector() {
      return inspector
    },
    get proxyUrl() {
      return inspector.proxyStatus().reverse.url
    },
    dataDir,
    ended: (count = 1) => waitForEnded(inspector, count),
    restart: async () => {
      await inspector.close()
      inspector = await Inspector.start(options)
      return inspector
    },
    close: async () => {
      await inspector.close()
      await emulator.close()
    }
  }
  return stack
}

/** Waits until `count` exchanges have ended and been persisted (the final upsert comes after the write). */
export function waitForEnded(inspector: Inspector, count: number, timeoutMs = 10_000): Promise<ExchangeSummary[]> {
  const ended: ExchangeSummary[] = []
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off()
      reject(new Error(`only ${ended.length} of ${count} exchanges ended within ${timeoutMs} ms`))
    }, timeoutMs)
    const off = inspector.events.on('exchange:upserted', (s) => {
      const done = s.state === 'completed' || s.state === 'failed' || s.state === 'aborted'
      if (!done || inspector.recorder.getLive(s.id)) return
      ended.push(s)
      if (ended.length >= count) {
        clearTimeout(timer)
        off()
        resolve(ended)
      }
    })
  })
}
