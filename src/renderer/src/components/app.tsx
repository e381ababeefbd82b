import { useAppStore } from '../store/app-store'
import { DetailPanel } from './detail-panel'
import { ErrorScreen } from './error-screen'
import { ExchangeList } from './exchange-list'
import { Header } from './header'
import { SetupPanel } from './setup-panel'
import { SplitPane } from './split-pane'
import { StatusBanners } from './status-banners'

export function App() {
  const appState = useAppStore((s) => s.appState)
  const count = useAppStore((s) => s.slots.length)
  const setupOpen = useAppStore((s) => s.setupOpen)
  const hasDetail = useAppStore((s) => s.openId !== null)

  let main
  if (appState === 'error') main = <ErrorScreen />
  else if (appState === 'loading') main = <div className="centered muted">Loading…</div>
  else if (count === 0) main = <SetupPanel variant="empty" />
  else
    main = (
      <>
        <SplitPane top={<ExchangeList />} bottom={hasDetail ? <DetailPanel /> : null} />
        {setupOpen && <SetupPanel variant="overlay" />}
      </>
    )

  return (
    <div className="app">
      <Header />
      <StatusBanners />
      <main className="app-main">{main}</main>
    </div>
  )
}
