// Web mode: the InspectorApi over HTTP (calls) and a WebSocket (events), against `mimo-inspector serve`.
//   call:  POST {WEB.callPath(name)}  headers {WEB.tokenHeader}: TOKEN, content-type: application/json
//          body = JSON of the argument (null when the call takes none)
//          200 → JSON result; otherwise JSON {"error": "message"} → thrown as Error(message)
//   events: ws(s)://HOST{WEB.eventsPath}?{WEB.tokenQuery}=TOKEN, each message {"event": EventName, "payload": …}
import { backoffDelay } from './backoff'
import type { ConnectionSource, ConnectionStatus } from './connection'
import { CALL_NAMES, WEB } from './contract'
import type { ApiEvents, CallArg, CallName, CallResults, EventName, InspectorApi } from './contract'

type AnyListener = (payload: unknown) => void

export interface WebClientOptions {
  token: string | null
  /** Origin of the server, e.g. http://127.0.0.1:8787. Defaults to the page's own. */
  origin?: string
}

export interface WebClient {
  api: InspectorApi
  connection: ConnectionSource
  /** Stop reconnecting and close the socket (tests, page teardown). */
  close(): void
}

const NO_TOKEN = 'This page has no access token. Open the address that `mimo-inspector serve` printed: it ends in ?token=…'
const BAD_TOKEN = "The server refused this page's access token (a restarted serve makes a new one). Open the address that `mimo-inspector serve` printed: it ends in ?token=…"

/** A call the server refused for the token: no retry helps. */
export class AuthError extends Error {
  override name = 'AuthError'
}

export function createWebClient(options: WebClientOptions): WebClient {
  const origin = options.origin ?? window.location.origin
  const token = options.token
  const listeners = new Map<EventName, Set<AnyListener>>()
  const statusListeners = new Set<(status: ConnectionStatus, reopened: boolean) => void>()
  let status: ConnectionStatus = { state: 'connecting', attempt: 0, retryAt: null, error: null }
  let socket: WebSocket | null = null
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let everOpened = false
  let closed = false

  function setStatus(next: ConnectionStatus, reopened = false): void {
    status = next
    for (const listener of statusListeners) listener(status, reopened)
  }

  function refused(error: string): void {
    if (retryTimer) clearTimeout(retryTimer)
    retryTimer = null
    socket?.close()
    socket = null
    setStatus({ state: 'disconnected', attempt: status.attempt, retryAt: null, error, authFailed: true })
  }

  async function call<K extends CallName>(name: K, arg: CallArg<K>): Promise<CallResults[K]> {
    if (!token) throw new AuthError(NO_TOKEN)
    const response = await fetch(origin + WEB.callPath(name), {
      method: 'POST',
      headers: { [WEB.tokenHeader]: token, 'content-type': 'application/json' },
      body: JSON.stringify(arg === undefined ? null : arg)
    })
    const text = await response.text()
    if (response.status === 401) {
      refused(BAD_TOKEN)
      throw new AuthError(BAD_TOKEN)
    }
    if (!response.ok) {
      let message = `${name}: HTTP ${response.status}`
      try {
        const parsed = JSON.parse(text) as { error?: unknown }
        if (parsed && typeof parsed.error === 'string') message = parsed.error
      } catch {
        if (text) message += ` ${text.slice(0, 200)}`
      }
      throw new Error(message)
    }
    return (text ? JSON.parse(text) : null) as CallResults[K]
  }

  function eventsUrl(): string {
    const url = new URL(WEB.eventsPath, origin)
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
    url.searchParams.set(WEB.tokenQuery, token ?? '')
    return url.toString()
  }

  function connect(): void {
    if (closed) return
    if (!token) {
      setStatus({ state: 'disconnected', attempt: 0, retryAt: null, error: NO_TOKEN, authFailed: true })
      return
    }
    retryTimer = null
    if (status.state !== 'connecting') setStatus({ ...status, state: 'connecting', retryAt: null })
    let ws: WebSocket
    try {
      ws = new WebSocket(eventsUrl())
    } catch (err) {
      scheduleRetry(err instanceof Error ? err.message : String(err))
      return
    }
    socket = ws
    ws.onopen = () => {
      const reopened = everOpened
      everOpened = true
      setStatus({ state: 'open', attempt: 0, retryAt: null, error: null }, reopened)
    }
    ws.onmessage = (message) => {
      if (typeof message.data !== 'string') return
      let parsed: { event?: unknown; payload?: unknown }
      try {
        parsed = JSON.parse(message.data) as typeof parsed
      } catch {
        return
      }
      const set = listeners.get(parsed.event as EventName)
      if (!set) return
      for (const listener of set) {
        try {
          listener(parsed.payload)
        } catch (err) {
          console.error(`listener for ${String(parsed.event)} failed`, err)
        }
      }
    }
    ws.onclose = (event) => {
      if (socket !== ws) return
      socket = null
      const reason = event.reason || (event.code === 1006 ? 'connection lost' : `closed (${event.code})`)
      scheduleRetry(reason)
    }
    // onerror is always followed by onclose; nothing to do here.
    ws.onerror = () => {}
  }

  function scheduleRetry(error: string): void {
    if (closed || status.authFailed) return
    const attempt = status.state === 'open' ? 0 : status.attempt + 1
    const delay = backoffDelay(attempt)
    const wait = (): void => {
      setStatus({ state: 'disconnected', attempt, retryAt: Date.now() + delay, error })
      retryTimer = setTimeout(connect, delay)
    }
    // A socket that never opened may have been refused for the token, which the browser does not tell: ask once,
    // and retry only when the answer is not "refused" (on a busy machine it can come after the backoff).
    if (!everOpened && status.attempt === 0) {
      setStatus({ state: 'disconnected', attempt, retryAt: null, error })
      void probeToken().then(() => {
        if (!closed && !status.authFailed && status.state === 'disconnected' && socket === null && retryTimer === null) wait()
      })
      return
    }
    wait()
  }

  async function probeToken(): Promise<void> {
    try {
      await call('app:info', null as CallArg<'app:info'>)
    } catch {
      // An AuthError has stopped the retries; anything else leaves them going.
    }
  }

  function retryNow(): void {
    if (closed || status.authFailed || status.state === 'open' || status.state === 'connecting') return
    if (retryTimer) clearTimeout(retryTimer)
    connect()
  }

  // The network coming back is a good moment to skip the remaining wait.
  window.addEventListener('online', retryNow)

  const methods = {} as Record<CallName, (arg: unknown) => Promise<unknown>>
  for (const name of CALL_NAMES) methods[name] = (arg) => call(name, arg as never)

  const api = {
    ...methods,
    on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener as AnyListener)
      return () => set.delete(listener as AnyListener)
    }
  } as InspectorApi

  const connection: ConnectionSource = {
    current: () => status,
    subscribe(listener) {
      statusListeners.add(listener)
      return () => statusListeners.delete(listener)
    },
    waitOpen(timeoutMs) {
      if (status.state === 'open') return Promise.resolve(true)
      if (status.authFailed) return Promise.resolve(false)
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          unsubscribe()
          resolve(false)
        }, timeoutMs)
        const unsubscribe = connection.subscribe((s) => {
          if (s.state !== 'open' && !s.authFailed) return
          clearTimeout(timer)
          unsubscribe()
          resolve(s.state === 'open')
        })
      })
    },
    retryNow
  }

  connect()

  return {
    api,
    connection,
    close() {
      closed = true
      window.removeEventListener('online', retryNow)
      if (retryTimer) clearTimeout(retryTimer)
      socket?.close()
      socket = null
    }
  }
}
