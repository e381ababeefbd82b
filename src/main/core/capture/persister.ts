// The main thread's handle on the persist worker. Body memory is transferred to the worker, not cloned.
import { Worker } from 'node:worker_threads'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import type { ExchangeRecord } from '../store/record'
import type { PersistWire } from './persist-wire'
import type { ControlReply, ControlRequest, PersistReply, PersistRequest } from './persist-worker'
import type { RewriteProgress } from '../store/rewrite'
import type { StoreControl, StoreControlResult } from '../store/store-control'
import { persistWorkerFile } from './worker-file'

interface Pending {
  resolve: (value: never) => void
  reject: (error: Error) => void
  progress?: (p: RewriteProgress) => void
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
    this.worker.on('message', (reply: PersistReply | ControlReply) => {
      const p = this.pending.get(reply.seq)
      if ('progress' in reply) return p?.progress?.(reply.progress)
      this.pending.delete(reply.seq)
      if ('error' in reply) p?.reject(new Error(reply.error))
      else p?.resolve(('record' in reply ? reply.record : reply.result) as never)
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

  /** Deletes or compacts through the worker, which owns the writer: after every persist queued before it. */
  control<T extends StoreControlResult>(control: StoreControl, progress?: (p: RewriteProgress) => void): Promise<T> {
    if (this.failed) return Promise.reject(this.failed)
    const seq = ++this.seq
    const done = new Promise<T>((resolve, reject) => {
      this.pending.set(seq, { resolve: resolve as (value: never) => void, reject, progress })
      this.worker.postMessage({ seq, control } satisfies ControlRequest)
    })
    const tracked = done.then(() => null as unknown as ExchangeRecord)
    this.inflight.add(tracked)
    const forget = (): void => void this.inflight.delete(tracked)
    tracked.then(forget, forget)
    return done
  }

  /** Waits for what is queued, then stops the worker. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.inflight])
    this.worker.removeAllListeners('exit')
    await this.worker.terminate()
  }
}
