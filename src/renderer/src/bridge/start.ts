// The one bridge from the API to the store: subscribe to events first, then load the snapshot, then keep the
// two reconciled (by id and seq) across reconnects.
import type { ConversationSummary, ExchangeSummary } from '@shared/types'
import { getApi, getConnection, getShell } from '../api/get-api'
import { useAppStore } from '../store/app-store'
import { isPlainExchangeView } from '../store/list-view-slice'
import { noteSummaries } from './analysis-actions'
import { scheduleConversationRefresh } from './conversation-actions'
import { infoOf, loadListSettings, refreshLists, reloadConversationView, reloadExchangeView, scheduleListRefresh } from './list-view-actions'
import { closeDetail, scheduleOpenRefresh } from './detail-actions'
import { createFrameBatcher } from './frame-batcher'
import { noteMinimizeProgress } from './minimize-actions'
import { invalidatePages, loadTail, PAGE_SIZE } from './pages'
import { notePausedStatus } from './paused-actions'
import { noteReplayStatus } from './replay-send-actions'
import { refreshKeyStatus } from './typed-keys'

const FINAL = new Set(['completed', 'failed', 'aborted'])
let started = false

const upserts = createFrameBatcher<ExchangeSummary>(
  (s) => s.id,
  (items) => {
    items.sort((a, b) => a.seq - b.seq)
    const before = useAppStore.getState()
    const open = before.openId === null ? undefined : before.byId.get(before.openId)
    before.applyUpserts(items)
    // A filtered or sorted view is the core's: new rows and changed ones may move, so ask again.
    if (before.listMode === 'view') scheduleListRefresh()
    noteSummaries(items)
    if (!open) return
    const next = useAppStore.getState().byId.get(open.id)
    if (next && next !== open && (next.state !== open.state || next.responseSize !== open.responseSize)) {
      scheduleOpenRefresh(FINAL.has(next.state))
    }
  }
)

const conversationUpserts = createFrameBatcher<ConversationSummary>(
  (c) => c.id,
  (items) => {
    const s = useAppStore.getState()
    s.applyConversations(items)
    if (s.convMode === 'view') scheduleListRefresh()
    if (s.conversationId !== null && items.some((c) => c.id === s.conversationId)) scheduleConversationRefresh()
  }
)

/** The conversation list snapshot, with live changes held back until it is in. */
async function loadConversationSnapshot(): Promise<void> {
  conversationUpserts.pause()
  try {
    await reloadConversationView()
  } finally {
    conversationUpserts.resume()
  }
}

export function startBridge(): void {
  if (started) return
  started = true
  const api = getApi()
  const connection = getConnection()
  const store = useAppStore.getState()
  store.setShell(getShell())
  store.setConnection(connection.current())

  // Subscribe before the snapshot so nothing that happens while it loads is lost.
  upserts.pause()
  conversationUpserts.pause()
  api.on('exchange:upserted', (summary) => upserts.push(summary))
  api.on('conversation:upserted', (summary) => conversationUpserts.push(summary))
  api.on('proxy:status', (status) => useAppStore.getState().setProxy(status))
  api.on('store:status', (status) => useAppStore.getState().setStoreStatus(status))
  // Deleted (here or in another window): the rows go, and the open one closes.
  api.on('exchanges:deleted', ({ ids }) => {
    const s = useAppStore.getState()
    s.removeExchanges(ids)
    if (s.openId !== null && ids.includes(s.openId)) closeDetail()
    void refreshLists()
  })
  // Body search results for the filter's body terms: the views that wait for them ask again.
  api.on('search:results', () => {
    const s = useAppStore.getState()
    if (s.exchangeInfo.bodySearch || s.conversationInfo.bodySearch) scheduleListRefresh()
  })
  // Replay and minimize events are few and each one matters (a status change): applied as they come.
  api.on('replay:status', noteReplayStatus)
  // The editor on a paused exchange learns that it went on (timeout, client gone, another window).
  api.on('breakpoints:status', notePausedStatus)
  api.on('repro:progress', noteMinimizeProgress)

  connection.subscribe((status, reopened) => {
    useAppStore.getState().setConnection(status)
    if (status.state !== 'open') return
    if (useAppStore.getState().appState === 'error') void loadAll()
    else if (reopened) {
      void resync()
      void getApi()['breakpoints:status'](null).then(notePausedStatus, () => {})
    }
  })

  void (async () => {
    // Give the event channel a moment to open; a dead socket must not keep the UI from showing what it can.
    await connection.waitOpen(3000)
    await loadAll()
  })()
}

let loading: Promise<void> | null = null

/** Initial load (and retry after a failed one). */
export function loadAll(): Promise<void> {
  loading ??= (async () => {
    const api = getApi()
    const store = useAppStore.getState()
    upserts.pause()
    try {
      const [app, proxy, storeStatus] = await Promise.all([api['app:info'](null), api['proxy:status'](null), api['store:status'](null), loadListSettings()])
      store.setApp(app)
      store.setProxy(proxy)
      store.setStoreStatus(storeStatus)
      if (useAppStore.getState().listMode === 'view' || !isPlainExchangeView(useAppStore.getState())) await reloadExchangeView()
      else {
        const first = await api['exchanges:list']({ offset: 0, limit: PAGE_SIZE })
        if (first.total <= first.items.length) {
          store.applyListPage(first, true)
        } else {
          store.applyListPage(first)
          await loadTail(first.total)
        }
        store.setExchangeInfo(infoOf(first))
      }
      store.setAppState('ready')
      void refreshKeyStatus()
      // Its own error line: a core without conversations must not keep the exchange list from showing.
      void loadConversationSnapshot()
    } catch (err) {
      store.setAppState('error', err instanceof Error ? err.message : String(err))
    } finally {
      upserts.resume()
      loading = null
    }
  })()
  return loading
}

/** After the event channel dropped and came back: events may be missing, so reload the tail and statuses. */
async function resync(): Promise<void> {
  const api = getApi()
  upserts.pause()
  try {
    invalidatePages()
    const [proxy, storeStatus] = await Promise.all([api['proxy:status'](null), api['store:status'](null)])
    useAppStore.getState().setProxy(proxy)
    useAppStore.getState().setStoreStatus(storeStatus)
    if (useAppStore.getState().listMode === 'view') await reloadExchangeView()
    else await loadTail(Math.max(useAppStore.getState().slots.length, storeStatus.exchangeCount))
    if (useAppStore.getState().openId) scheduleOpenRefresh(true)
    void loadConversationSnapshot()
    if (useAppStore.getState().conversationId) scheduleConversationRefresh()
  } catch (err) {
    useAppStore.getState().setListError(`Resync failed: ${err instanceof Error ? err.message : String(err)}`)
  } finally {
    upserts.resume()
  }
}
