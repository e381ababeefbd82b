// Live events can arrive hundreds per second; the store is updated once per animation frame with the batch.

export interface FrameBatcher<T> {
  push(item: T): void
  /** Hold items (while a snapshot is loading) until resume(). */
  pause(): void
  resume(): void
  /** Apply whatever is queued now. */
  flushNow(): void
}

export function createFrameBatcher<T>(keyOf: (item: T) => string, flush: (items: T[]) => void): FrameBatcher<T> {
  let queue = new Map<string, T>()
  let paused = false
  let frame: number | null = null
  let timer: ReturnType<typeof setTimeout> | null = null

  function cancel(): void {
    if (frame !== null) cancelAnimationFrame(frame)
    if (timer !== null) clearTimeout(timer)
    frame = null
    timer = null
  }

  function run(): void {
    cancel()
    if (paused || queue.size === 0) return
    const items = [...queue.values()]
    queue = new Map()
    flush(items)
  }

  function schedule(): void {
    if (paused || frame !== null) return
    frame = requestAnimationFrame(run)
    // Hidden tabs get no animation frames; still apply now and then so the list is current when shown.
    timer = setTimeout(run, 500)
  }

  return {
    push(item) {
      // Later snapshots of the same exchange replace earlier ones in the same frame.
      const key = keyOf(item)
      queue.delete(key)
      queue.set(key, item)
      schedule()
    },
    pause() {
      paused = true
      cancel()
    },
    resume() {
      paused = false
      run()
    },
    flushNow: run
  }
}
