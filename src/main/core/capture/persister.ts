// The main thread's handle on the persist worker. Body memory is transferred to the worker, not cloned.
import { Worker } from 'node:worker_threads'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import type { ExchangeRecord } from '../store/record'
import type { PersistWire } from './persist-wire'
import type { PersistReply, PersistRequest } from './persist-worker'
import { persistWorkerFile } from './worker-file'

interface Pending {
  resolve: (record: ExchangeRecord) => void
  reject: (error: Error) => void
}

/** The built worker file, or in tests the TypeScript source through a bootstrap that registers tsx first. */
function startWorker(dir: string): Worker {
  const file = persistWorkerFile(import.meta.url)
  if (file.kind === 'built') return new Worker(file.path, { workerData: { dir } })
  // require.resolve finds tsx's CommonJS build of this entry; the worker imports its ESM twin.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(file.url)}) })`
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

  /** The memory in `transfer` (the bodies' parts) moves to the worker: this thread must not touch it again. */
  persist(input: PersistWire, transfer: ArrayBuffer[]): Promise<ExchangeRecord> {
    if (this.failed) return Promise.reject(this.failed)
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
