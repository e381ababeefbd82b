import { lazy, Suspense } from 'react'
import { useAppStore } from '../../store/app-store'
import { ConversationList } from '../conversations/conversation-list'
import { ConversationView } from '../conversations/conversation-view'
import { DetailPanel } from '../exchanges/detail-panel'
import { DropOverlay } from '../import/drop-overlay'
import { ErrorScreen } from './error-screen'
import { ExchangeList } from '../exchanges/exchange-list'
import { Header } from './header'
import { ImportToast } from '../import/import-toast'
import { SetupPanel } from '../setup/setup-panel'
import { SplitPane } from './split-pane'
import { StatusBanners } from './status-banners'
import { useGlobalKeys } from './use-global-keys'
import { ConfirmDialog } from '../list-tools/confirm-dialog'
import { ContextMenu } from '../list-tools/context-menu'
import { FilterBar } from '../list-tools/filter-bar'
import { NoticeLine } from '../list-tools/notice-line'
import { ShortcutsOverlay } from '../list-tools/shortcuts-overlay'
import { listContentHeight } from '../shared/virtual-list'
import './shell.css'

// CodeMirror and the JSON diff load the first time a request is opened for editing.
const ReplayEditorPanel = lazy(() => import('../replay/replay-editor'))

export function App() {
  const appState = useAppStore((s) => s.appState)
  const count = useAppStore((s) => s.slots.length)
  const conversationCount = useAppStore((s) => s.convIds.length)
  const setupOpen = useAppStore((s) => s.setupOpen)
  const view = useAppStore((s) => s.mainView)
  const hasDetail = useAppStore((s) => s.openId !== null)
  const hasConversation = useAppStore((s) => s.conversationId !== null)
  const editing = useAppStore((s) => s.editor !== null)
  // Nothing recorded and nothing filtered: the setup panel says what to paste. A view the user narrowed shows
  // its (maybe empty) list with the filter bar.
  const narrowed = useAppStore((s) => s.listMode === 'view')
  useGlobalKeys()

  let main
  if (appState === 'error') main = <ErrorScreen />
  else if (appState === 'loading') main = <div className="centered muted">Loading…</div>
  else if (view === 'conversations')
    main = (
      <>
        <SplitPane
          key="conversations"
          storageKey="mimo-inspector.split-conversations"
          defaultRatio={0.26}
          topContent={listContentHeight(conversationCount)}
          topLabel="conversations"
          top={<ConversationList />}
          bottom={hasConversation ? <ConversationView /> : null}
        />
        {setupOpen && <SetupPanel variant="overlay" />}
      </>
    )
  else if (count === 0 && !hasDetail && !narrowed) main = <SetupPanel variant="empty" />
  else
    main = (
      <>
        <SplitPane key="exchanges" top={<ExchangeList />} topContent={listContentHeight(count)} topLabel="exchanges" bottom={hasDetail ? <DetailPanel /> : null} />
        {setupOpen && <SetupPanel variant="overlay" />}
      </>
    )

  return (
    <div className="app">
      <Header />
      <StatusBanners />
      <div className="app-body">
        <main className="app-main">
          {appState === 'ready' && <FilterBar />}
          {main}
        </main>
        {appState === 'ready' && editing && (
          <Suspense fallback={<aside className="replay-panel replay-panel-loading" aria-busy="true" />}>
            <ReplayEditorPanel />
          </Suspense>
        )}
      </div>
      <ImportToast />
      <NoticeLine />
      <ContextMenu />
      <ConfirmDialog />
      <ShortcutsOverlay />
      {appState === 'ready' && <DropOverlay />}
    </div>
  )
}
