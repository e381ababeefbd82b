// Calls that read captured exchanges: one exchange's headers, bodies and stream, the store's state.
import type { AppInfo, StoreStatus } from '../../../shared/types'
import { bodyView, streamView } from '../body-views'
import type { Handlers } from '../handler-kit'
import type { ExchangeReader } from './exchange-reader'

export interface ExchangeHandlerDeps {
  reader: ExchangeReader
  appInfo: () => AppInfo
  storeStatus: () => StoreStatus
}

// The list itself (filtered, sorted) is in ../filter/view-handlers.ts.
export function exchangeHandlers({ reader, appInfo, storeStatus }: ExchangeHandlerDeps): Handlers<'app:info' | 'exchanges:get' | 'exchanges:body' | 'exchanges:stream' | 'store:status'> {
  return {
    'app:info': async () => appInfo(),
    'exchanges:get': async ({ id }) => reader.detail(id),
    'exchanges:body': async ({ id, part }) => {
      await reader.bodiesHere(id)
      const raw = reader.rawBody(id, part)
      if (!raw) throw new Error(`no exchange ${id}`)
      const summary = reader.detail(id)!.summary
      return bodyView(id, part, raw, part === 'request' ? summary.requestSize || (raw.bytes?.length ?? 0) : summary.responseSize || (raw.bytes?.length ?? 0))
    },
    'exchanges:stream': async ({ id }) => {
      await reader.bodiesHere(id)
      const detail = reader.detail(id)
      const raw = reader.rawBody(id, 'response')
      if (!detail || !raw) throw new Error(`no exchange ${id}`)
      const view = bodyView(id, 'response', raw, detail.summary.responseSize)
      return streamView(detail.summary.protocol, view, detail.response?.contentType ?? null, reader.chunkTimes(id))
    },
    'store:status': async () => storeStatus()
  }
}
