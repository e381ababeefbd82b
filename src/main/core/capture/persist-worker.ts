// Worker thread entry: owns the StoreWriter and persists finished exchanges one at a time, in order.
import { parentPort, workerData } from 'node:worker_threads'
import { StoreWriter } from '../store/store-writer'
import { persistJob, type PersistInput } from './persist-job'

export interface PersistRequest {
  seq: number
  input: PersistInput
}

export type PersistReply = { seq: number; record: ReturnType<typeof persistJob> } | { seq: number; error: string }

const port = parentPort!
let writer: StoreWriter | null = null
let openError: string | null = null
try {
  writer = new StoreWriter((workerData as { dir: string }).dir)
} catch (err) {
  openError = (err as Error).message
}

port.on('message', (message: PersistRequest) => {
  if (!writer) return port.postMessage({ seq: message.seq, error: openError ?? 'the store could not be opened' } satisfies PersistReply)
  try {
    port.postMessage({ seq: message.seq, record: persistJob(message.input, writer) } satisfies PersistReply)
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    port.postMessage({ seq: message.seq, error: e.code ? `${e.code}: ${e.message}` : e.message } satisfies PersistReply)
  }
})
