// Connection state between the renderer and the core. Electron IPC cannot drop; the web-mode WebSocket can.

export type ConnectionState = 'ipc' | 'connecting' | 'open' | 'disconnected'

export interface ConnectionStatus {
  state: ConnectionState
  /** Reconnect attempts since the last successful open. */
  attempt: number
  /** When the next reconnect attempt is due (epoch ms), while disconnected. */
  retryAt: number | null
  /** Why the last attempt failed, when known. */
  error: string | null
  /** The server refused this page's access token (or it has none): retrying cannot help, no retry is planned. */
  authFailed?: boolean
}

export interface ConnectionSource {
  current(): ConnectionStatus
  /** Called on every change. `reopened` is true when the link came back after a drop (events may have been missed). */
  subscribe(listener: (status: ConnectionStatus, reopened: boolean) => void): () => void
  /** Resolves true once the event channel is open; false after timeoutMs, or at once when the token was refused. */
  waitOpen(timeoutMs: number): Promise<boolean>
  /** Skip the backoff wait and try now. */
  retryNow(): void
}

export function ipcConnection(): ConnectionSource {
  const status: ConnectionStatus = { state: 'ipc', attempt: 0, retryAt: null, error: null }
  return {
    current: () => status,
    subscribe: () => () => {},
    waitOpen: async () => true,
    retryNow: () => {}
  }
}
