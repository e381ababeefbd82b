import type { InspectorApi } from '@shared/api'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    inspector?: InspectorApi
  }
}

export {}
