import { ipcConnection, type ConnectionSource } from './connection'
import type { InspectorApi } from './contract'
import { takeToken } from './token'
import { createWebClient } from './web-client'

export type Shell = 'electron' | 'web'

interface ApiHandle {
  api: InspectorApi
  shell: Shell
  connection: ConnectionSource
}

let handle: ApiHandle | null = null

function resolveHandle(): ApiHandle {
  if (handle) return handle
  if (window.inspector) {
    // Electron: the preload exposes exactly the InspectorApi object.
    handle = { api: window.inspector, shell: 'electron', connection: ipcConnection() }
  } else {
    const client = createWebClient({ token: takeToken() })
    handle = { api: client.api, shell: 'web', connection: client.connection }
  }
  return handle
}

/** The InspectorApi: window.inspector under Electron, else the web-mode HTTP/WebSocket client. */
export function getApi(): InspectorApi {
  return resolveHandle().api
}

export function getConnection(): ConnectionSource {
  return resolveHandle().connection
}

export function getShell(): Shell {
  return resolveHandle().shell
}
