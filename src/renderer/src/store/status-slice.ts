import type { StateCreator } from 'zustand'
import type { AppInfo, ProxyStatus, StoreStatus } from '@shared/types'
import type { ConnectionStatus } from '../api/connection'
import type { AppStore } from './app-store'

export type AppState = 'loading' | 'ready' | 'error'

export interface StatusSlice {
  appState: AppState
  loadError: string | null
  app: AppInfo | null
  proxy: ProxyStatus | null
  storeStatus: StoreStatus | null
  connection: ConnectionStatus
  shell: 'electron' | 'web'
  /** The setup panel opened from the header (it also shows on its own while the list is empty). */
  setupOpen: boolean
  upstreamError: string | null
  setAppState(state: AppState, error?: string | null): void
  setApp(app: AppInfo): void
  setProxy(proxy: ProxyStatus): void
  setStoreStatus(status: StoreStatus): void
  setConnection(connection: ConnectionStatus): void
  setShell(shell: 'electron' | 'web'): void
  setSetupOpen(open: boolean): void
  setUpstreamError(message: string | null): void
}

export const createStatusSlice: StateCreator<AppStore, [], [], StatusSlice> = (set) => ({
  appState: 'loading',
  loadError: null,
  app: null,
  proxy: null,
  storeStatus: null,
  connection: { state: 'connecting', attempt: 0, retryAt: null, error: null },
  shell: 'web',
  setupOpen: false,
  upstreamError: null,
  setAppState: (appState, error = null) => set({ appState, loadError: error }),
  setApp: (app) => set({ app }),
  setProxy: (proxy) => set({ proxy }),
  setStoreStatus: (storeStatus) => set({ storeStatus }),
  setConnection: (connection) => set({ connection }),
  setShell: (shell) => set({ shell }),
  setSetupOpen: (setupOpen) => set({ setupOpen }),
  setUpstreamError: (upstreamError) => set({ upstreamError })
})
