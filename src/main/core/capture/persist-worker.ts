// Worker thread entry: owns the StoreWriter and the conversation index, and persists finished exchanges one
// at a time, in order.
import { parentPort, workerData } from 'node:worker_threads'
import { sessionOfRecord } from '../conversations/client-session'
import type { GroupKey } from '../conversations/group-key'
import { SessionGrouper } from '../conversations/session-grouper'
import { StoreWriter } from '../store/store-writer'
import { runStoreControl, type StoreControl, type StoreControlResult } from '../store/store-control'
import type { RewriteProgress } from '../store/rewrite'
import { persistJob } from './persist-job'
import { fromWire, type PersistWire } from './persist-wire'

export interface PersistRequest {
  seq: number
  input: PersistWire
}

export type PersistReply = { seq: number; record: ReturnType<typeof persistJob> } | { seq: number; error: string }

/** Deletes and compactions, in order with the persists (store/store-control.ts). */
export interface ControlRequest {
  seq: number
  control: StoreControl
}

export type ControlReply = { seq: number; result: StoreControlResult } | { seq: number; progress: RewriteProgress } | { seq: number; error: string }

const port = parentPort!
const dir = (workerData as { dir: string }).dir
let writer: StoreWriter | null = null
let openError: string | null = null
const conversations = new SessionGrouper()
try {
  writer = new StoreWriter(dir)
  rebuildConversations(writer)
} catch (err) {
  openError = (err as Error).message
}

/**
 * Replays stored group keys in the order they were assigned, so new requests join the same conversations.
 * Replays stay out (a replay is a branch of its original, not part of the agent's lineage).
 */
function rebuildConversations(w: StoreWriter): void {
  for (const record of w.records()) {
    const ref = record.group?.key
    if (!ref || record.replayOf) continue
    try {
      const key = JSON.parse(w.getBody(ref).toString('utf8')) as GroupKey
      conversations.add({ id: record.summary.id, key, session: sessionOfRecord(record)?.id ?? null })
    } catch {
      /* a damaged key only loses that request's place in the index */
    }
  }
}

port.on('message', (message: PersistRequest | ControlRequest) => {
  if (!writer) return port.postMessage({ seq: message.seq, error: openError ?? 'the store could not be opened' } satisfies PersistReply)
  if ('control' in message) return control(writer, message)
  try {
    port.postMessage({ seq: message.seq, record: persistJob(fromWire(message.input), writer, conversations) } satisfies PersistReply)
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    port.postMessage({ seq: message.seq, error: e.code && !e.message.startsWith(e.code) ? `${e.code}: ${e.message}` : e.message } satisfies PersistReply)
  }
})

function control(w: StoreWriter, message: ControlRequest): void {
  try {
    const result = runStoreControl(w, message.control, (progress) => port.postMessage({ seq: message.seq, progress } satisfies ControlReply))
    port.postMessage({ seq: message.seq, result } satisfies ControlReply)
  } catch (err) {
    port.postMessage({ seq: message.seq, error: (err as Error).message } satisfies ControlReply)
  }
}
