// The main thread's handle on the persist worker. Body memory is transferred to the worker, not cloned.
import { Worker } from 'node:worker_threads'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ExchangeRecord } from '../store/record'
import type { PersistInput } from './persist-job'
import type { PersistReply, PersistRequest } from './persist-worker'

interface Pending {
  resolve: (record: ExchangeRecord) => void
  reject: (error: Error) => void
}

/**
 * The worker: the built file next to the bundle (out/cli, out/main), or in dev and tests the TypeScript
 * source, started through a two-line bootstrap that registers tsx (a dev dependency) first.
 */
function startWorker(dir: string): Worker {
  const built = new URL('./persist-worker.js', import.meta.url)
  if (existsSync(fileURLToPath(built))) return new Worker(built, { workerData: { dir } })
  // require.resolve finds tsx's CommonJS build of this entry; the worker imports its ESM twin.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  const source = new URL('./persist-worker.ts', import.meta.url).href
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(source)}) })`
  return new Worker(bootstrap, { eval: true, workerData: { dir } })
}

export class Persister {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private readonly inflight = new Set<Promise<ExchangeRecord>>()
  private seq = 0
  private failed: Error | null = null

  constructor(dir: string) {
    this.worker = startWorker(dir)
    this.worker.on('message', (reply: PersistReply) => {
      const p = this.pending.get(reply.seq)
      this.pending.delete(reply.seq)
      if ('error' in reply) p?.reject(new Error(reply.error))
      else p?.resolve(reply.record)
    })
    const dead = (err: Error): void => {
      this.failed = err
      for (const p of this.pending.values()) p.reject(err)
      this.pending.clear()
    }
    this.worker.on('error', dead)
    this.worker.on('exit', (code) => dead(new Error(`the persist worker stopped (exit ${code})`)))
  }

  /** `input`'s body arrays must be the caller's own copies: their memory moves to the worker. */
  persist(input: PersistInput): Promise<ExchangeRecord> {
    if (this.failed) return Promise.reject(this.failed)
    const transfer = [input.request.bytes, input.response?.bytes].filter((b): b is Uint8Array => !!b).map((b) => b.buffer as ArrayBuffer)
    const seq = ++this.seq
    const done = new Promise<ExchangeRecord>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject })
      this.worker.postMessage({ seq, input } satisfies PersistRequest, transfer)
    })
    this.inflight.add(done)
    const forget = (): void => void this.inflight.delete(done)
    done.then(forget, forget)
    return done
  }

  /** Waits for what is queued, then stops the worker. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.inflight])
    this.worker.removeAllListeners('exit')
    await this.worker.terminate()
  }
}
