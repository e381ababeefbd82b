// Writes pre-framed SSE events one `res.write` each, spaced by the chunk delay, optionally cut mid-stream.
import type { ServerResponse } from 'node:http'

export interface StreamPlan {
  events: string[]
  /** Read before each event, so setChunkDelay applies to a stream already running. */
  delay: () => number
  /** Destroy the socket after this many events instead of finishing. */
  cutAfter?: number
}

export async function writeSse(res: ServerResponse, plan: StreamPlan): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
  res.flushHeaders()
  for (let i = 0; i < plan.events.length; i++) {
    if (plan.cutAfter !== undefined && i >= plan.cutAfter) return cut(res)
    const ms = plan.delay()
    if (i > 0 && ms > 0) await sleep(ms)
    if (res.destroyed) return
    // Waiting for the flush keeps the spacing real and makes sure a cut comes after the bytes left.
    await new Promise<void>((resolve) => res.write(plan.events[i], () => resolve()))
  }
  if (plan.cutAfter !== undefined && plan.cutAfter >= plan.events.length) return cut(res)
  res.end()
}

/** No terminating chunk, no [DONE]: the client sees the connection drop in the middle of the body. */
function cut(res: ServerResponse): void {
  res.socket?.destroy()
  res.destroy()
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
