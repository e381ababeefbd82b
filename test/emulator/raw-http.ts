// Small raw-HTTP helpers for the emulator's own tests: exact bytes and timing, which SDK clients hide.

export interface RawReply {
  status: number
  headers: Headers
  text: string
}

const KEY = { 'api-key': 'sk-test' }

export async function post(url: string, body: unknown, headers: Record<string, string> = KEY): Promise<RawReply> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body)
  })
  return { status: res.status, headers: res.headers, text: await res.text() }
}

export interface TimedChunk {
  at: number
  text: string
}

/** Reads a streamed body chunk by chunk with arrival times; stops quietly if the connection is cut. */
export async function readTimed(
  url: string,
  body: unknown,
  headers: Record<string, string> = KEY
): Promise<{ chunks: TimedChunk[]; cut: boolean }> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }
  const res = await fetch(url, init)
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  const chunks: TimedChunk[] = []
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return { chunks, cut: false }
      chunks.push({ at: performance.now(), text: decoder.decode(value, { stream: true }) })
    }
  } catch {
    return { chunks, cut: true }
  }
}

/** Splits SSE text into events (blank-line separated), dropping the empty tail. */
export function sseEvents(text: string): string[] {
  return text.split('\n\n').filter((e) => e !== '')
}

/** The `data:` payloads of SSE text, parsed when they are JSON. */
export function sseData(text: string): unknown[] {
  return sseEvents(text).map((event) => {
    const line = event.split('\n').find((l) => l.startsWith('data: '))!
    const data = line.slice('data: '.length)
    return data === '[DONE]' ? data : JSON.parse(data)
  })
}
