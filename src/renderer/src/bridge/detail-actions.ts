// Loading what the detail panel shows: one exchange's detail and one body (or its stream view) at a time.
import type { BodyPart } from '@shared/types'
import { getApi } from '../api/get-api'
import { useAppStore } from '../store/app-store'
import { bodyKey, idle, type BodyMode, type DetailTab, type StreamMode } from '../store/detail-slice'

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))

export function openExchange(id: string): void {
  const s = useAppStore.getState()
  s.setSelected(id)
  if (s.openId === id && s.detail.status !== 'error') return
  s.setOpenId(id)
  s.setDetail({ key: id, status: 'loading' })
  s.setBody(idle())
  s.setStream(idle())
  void loadDetail(id)
  void loadTabContent()
}

export function closeDetail(): void {
  useAppStore.getState().setOpenId(null)
}

export function selectTab(tab: DetailTab): void {
  useAppStore.getState().setTab(tab)
  void loadTabContent()
}

export function setBodyMode(mode: BodyMode): void {
  useAppStore.getState().setBodyMode(mode)
}

export function setStreamMode(mode: StreamMode): void {
  useAppStore.getState().setStreamMode(mode)
  void loadTabContent()
}

async function loadDetail(id: string): Promise<void> {
  try {
    const detail = await getApi()['exchanges:get']({ id })
    if (useAppStore.getState().openId !== id) return
    useAppStore.getState().setDetail({ key: id, status: 'ready', value: detail })
  } catch (err) {
    if (useAppStore.getState().openId !== id) return
    useAppStore.getState().setDetail({ key: id, status: 'error', error: message(err) })
  }
}

/** Fetch what the current tab shows; drops the other body so only one is ever held. */
export async function loadTabContent(): Promise<void> {
  const s = useAppStore.getState()
  const id = s.openId
  if (!id) return
  const summary = s.byId.get(id)
  if (s.tab === 'request') return loadBody(id, 'request')
  if (summary?.stream && s.streamMode === 'parsed') return loadStream(id)
  return loadBody(id, 'response')
}

async function loadBody(id: string, part: BodyPart, keepStream = false): Promise<void> {
  const key = bodyKey(id, part)
  const s = useAppStore.getState()
  if (!keepStream) s.setStream(idle())
  // Refreshing the same body keeps the old one on screen until the new one arrives.
  if (s.body.key !== key || s.body.status === 'error') s.setBody({ key, status: 'loading' })
  try {
    const view = await getApi()['exchanges:body']({ id, part })
    if (currentContentKey() !== key) return
    useAppStore.getState().setBody({ key, status: 'ready', value: view })
  } catch (err) {
    if (currentContentKey() !== key) return
    useAppStore.getState().setBody({ key, status: 'error', error: message(err) })
  }
}

async function loadStream(id: string): Promise<void> {
  const key = `${id}:stream`
  const s = useAppStore.getState()
  s.setBody(idle())
  if (s.stream.key !== key || s.stream.status === 'error') s.setStream({ key, status: 'loading' })
  try {
    const view = await getApi()['exchanges:stream']({ id })
    if (currentContentKey() !== key) return
    useAppStore.getState().setStream({ key, status: 'ready', value: view })
    // Not an event stream after all (an error answered as JSON): show the body instead.
    if (view === null) await loadBody(id, 'response', true)
  } catch (err) {
    if (currentContentKey() !== key) return
    useAppStore.getState().setStream({ key, status: 'error', error: message(err) })
  }
}

/** What the panel wants right now, to drop answers that arrive after the user moved on. */
function currentContentKey(): string | null {
  const s = useAppStore.getState()
  if (!s.openId) return null
  if (s.tab === 'request') return bodyKey(s.openId, 'request')
  const summary = s.byId.get(s.openId)
  if (summary?.stream && s.streamMode === 'parsed') {
    // A stream view that came back null falls through to the response body.
    return s.stream.status === 'ready' && s.stream.value === null && s.stream.key === `${s.openId}:stream`
      ? bodyKey(s.openId, 'response')
      : `${s.openId}:stream`
  }
  return bodyKey(s.openId, 'response')
}

let refreshTimer: ReturnType<typeof setTimeout> | null = null

/** The open exchange changed (response head, more bytes, ended): refresh, at most ~3 times a second. */
export function scheduleOpenRefresh(final: boolean): void {
  if (refreshTimer !== null) {
    if (!final) return
    clearTimeout(refreshTimer)
  }
  refreshTimer = setTimeout(
    () => {
      refreshTimer = null
      const id = useAppStore.getState().openId
      if (!id) return
      void loadDetail(id)
      void loadTabContent()
    },
    final ? 0 : 300
  )
}
