// Loading what the detail panel shows: one exchange's detail and one body (or its stream view) at a time.
import type { BodyPart, BodyView } from '@shared/types'
import { getApi } from '../api/get-api'
import { useAppStore } from '../store/app-store'
import { bodyKey, idle, type BodyMode, type DetailTab, type Loadable, type StreamMode } from '../store/detail-slice'
import { syncAnalysis } from './analysis-actions'
import { openEditor } from './replay-editor-actions'

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))

export function openExchange(id: string): void {
  const s = useAppStore.getState()
  s.setSelected(id)
  // A request held at a breakpoint is there to be edited and let go: the replay editor opens on it.
  if (s.byId.get(id)?.state === 'paused' && s.editor?.exchangeId !== id) void openEditor(id)
  if (s.openId === id && s.detail.status !== 'error') return
  s.setOpenId(id)
  s.setDetail({ key: id, status: 'loading' })
  s.setBody(idle())
  s.setRequestBody(idle())
  s.setStream(idle())
  void loadDetail(id)
  void loadTabContent()
  syncAnalysis()
}

export function closeDetail(): void {
  useAppStore.getState().setOpenId(null)
  syncAnalysis()
}

export function selectTab(tab: DetailTab): void {
  useAppStore.getState().setTab(tab)
  void loadTabContent()
  syncAnalysis()
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

/** Each content load gets a token; answers to a superseded load are dropped. */
let contentToken = 0
const FINAL = new Set(['completed', 'failed', 'aborted'])

/** Fetch what the current tab shows; drops any body it does not show, so only the shown ones are held. */
export async function loadTabContent(): Promise<void> {
  const token = ++contentToken
  const s = useAppStore.getState()
  const id = s.openId
  if (!id) return
  const current = (): boolean => token === contentToken && useAppStore.getState().openId === id
  const summary = s.byId.get(id)
  if (s.tab === 'diagnosis') {
    // The timeline comes from the analysis (bridge/analysis-actions); no body is held meanwhile.
    s.setBody(idle())
    s.setRequestBody(idle())
    s.setStream(idle())
    return
  }
  if (s.tab === 'request') {
    s.setRequestBody(idle())
    return loadBody(id, 'request', current, false)
  }
  // Side by side: the request into its own slot, then the response as on its tab.
  if (s.tab === 'both') {
    // A request body does not change: a refresh while the response streams keeps the loaded one.
    if (s.requestBody.key !== bodyKey(id, 'request') || s.requestBody.status === 'error') void loadBody(id, 'request', current, true, 'requestBody')
  } else s.setRequestBody(idle())
  if (!(summary?.stream && s.streamMode === 'parsed')) return loadBody(id, 'response', current, false)

  const key = `${id}:stream`
  const had = s.stream.key === key && s.stream.status === 'ready'
  // Known not to be an event stream and finished: only the body needs (re)loading.
  if (s.stream.status === 'ready' && had && s.stream.value === null && summary && FINAL.has(summary.state)) {
    return loadBody(id, 'response', current, true)
  }
  s.setBody(idle())
  if (!had) s.setStream({ key, status: 'loading' })
  try {
    const view = await getApi()['exchanges:stream']({ id })
    if (!current()) return
    useAppStore.getState().setStream({ key, status: 'ready', value: view })
    // Not an event stream after all (an error answered as JSON, say): show the body instead.
    if (view === null) await loadBody(id, 'response', current, true)
  } catch (err) {
    if (!current()) return
    useAppStore.getState().setStream({ key, status: 'error', error: message(err) })
  }
}

async function loadBody(id: string, part: BodyPart, current: () => boolean, keepStream: boolean, slot: 'body' | 'requestBody' = 'body'): Promise<void> {
  const key = bodyKey(id, part)
  const s = useAppStore.getState()
  const set = (body: Loadable<BodyView>): void => (slot === 'body' ? useAppStore.getState().setBody(body) : useAppStore.getState().setRequestBody(body))
  if (!keepStream) s.setStream(idle())
  // Refreshing the same body keeps the old one on screen until the new one arrives.
  if (s[slot].key !== key || s[slot].status === 'error') set({ key, status: 'loading' })
  try {
    const view = await getApi()['exchanges:body']({ id, part })
    if (!current()) return
    set({ key, status: 'ready', value: view })
  } catch (err) {
    if (!current()) return
    set({ key, status: 'error', error: message(err) })
  }
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
