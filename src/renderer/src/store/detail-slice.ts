import type { StateCreator } from 'zustand'
import type { BodyPart, BodyView, ExchangeDetail, StreamView } from '@shared/types'
import type { AppStore } from './app-store'

/** Something fetched on demand for the open exchange. `key` says which exchange (and part) it belongs to. */
export type Loadable<T> =
  | { key: string | null; status: 'idle' }
  | { key: string; status: 'loading' }
  | { key: string; status: 'ready'; value: T }
  | { key: string; status: 'error'; error: string }

export const idle = <T,>(): Loadable<T> => ({ key: null, status: 'idle' })

/** 'both': the request and the response side by side. */
export type DetailTab = 'request' | 'response' | 'both' | 'diagnosis'
/** For event streams: the parsed view (message + events) or the raw body text. */
export type StreamMode = 'parsed' | 'raw'
export type BodyMode = 'pretty' | 'raw'

export const bodyKey = (id: string, part: BodyPart): string => `${id}:${part}`

export interface DetailSlice {
  openId: string | null
  detail: Loadable<ExchangeDetail | null>
  tab: DetailTab
  bodyMode: BodyMode
  streamMode: StreamMode
  /** The open exchange's response body (or its request's, on the Request tab); never a body in the list. */
  body: Loadable<BodyView>
  /** The request body beside the response, only while they are shown side by side. */
  requestBody: Loadable<BodyView>
  stream: Loadable<StreamView | null>
  setOpenId(id: string | null): void
  setDetail(detail: Loadable<ExchangeDetail | null>): void
  setTab(tab: DetailTab): void
  setBodyMode(mode: BodyMode): void
  setStreamMode(mode: StreamMode): void
  setBody(body: Loadable<BodyView>): void
  setRequestBody(body: Loadable<BodyView>): void
  setStream(stream: Loadable<StreamView | null>): void
}

export const createDetailSlice: StateCreator<AppStore, [], [], DetailSlice> = (set) => ({
  openId: null,
  detail: idle(),
  tab: 'response',
  bodyMode: 'pretty',
  streamMode: 'parsed',
  body: idle(),
  requestBody: idle(),
  stream: idle(),
  setOpenId: (openId) =>
    set(openId === null ? { openId, detail: idle(), body: idle(), requestBody: idle(), stream: idle() } : { openId }),
  setDetail: (detail) => set({ detail }),
  setTab: (tab) => set({ tab }),
  setBodyMode: (bodyMode) => set({ bodyMode }),
  setStreamMode: (streamMode) => set({ streamMode }),
  setBody: (body) => set({ body }),
  setRequestBody: (requestBody) => set({ requestBody }),
  setStream: (stream) => set({ stream })
})
