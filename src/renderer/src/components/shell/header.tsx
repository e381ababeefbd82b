import { setSetupOpen } from '../../bridge/status-actions'
import { useAppStore } from '../../store/app-store'
import { ConnectionState } from './connection-state'
import { ImportButton } from '../import/import-button'
import { ProxyAddress } from './proxy-address'
import { RecordingWarning } from './recording-warning'
import { UpstreamSelect } from './upstream-select'
import { ViewSwitch } from './view-switch'
import './shell.css'

export function Header() {
  const count = useAppStore((s) => s.slots.length)
  const conversations = useAppStore((s) => s.convIds.length)
  const view = useAppStore((s) => s.mainView)
  const version = useAppStore((s) => s.app?.version)
  const setupOpen = useAppStore((s) => s.setupOpen)
  const ready = useAppStore((s) => s.appState === 'ready')

  return (
    <header className="header">
      <div className="brand">
        <span className="brand-mark" aria-hidden>
          ◆
        </span>
        <span className="brand-name">MiMo Inspector</span>
        {version && <span className="brand-version">v{version}</span>}
      </div>
      {ready && <ViewSwitch />}
      <ProxyAddress />
      <UpstreamSelect />
      <div className="header-spacer" />
      <RecordingWarning />
      {ready &&
        (view === 'exchanges' ? (
          <span className="header-count" data-testid="exchange-count" title="Recorded exchanges">
            <strong>{count.toLocaleString('en-US')}</strong> {count === 1 ? 'exchange' : 'exchanges'}
          </span>
        ) : (
          <span className="header-count" data-testid="conversation-count" title="Conversations">
            <strong>{conversations.toLocaleString('en-US')}</strong> {conversations === 1 ? 'conversation' : 'conversations'}
          </span>
        ))}
      <ConnectionState />
      {ready && <ImportButton />}
      <button
        className={`btn btn-small${setupOpen ? ' btn-active' : ''}`}
        data-testid="setup-button"
        onClick={() => setSetupOpen(!setupOpen)}
        title="Environment lines to point an agent at the inspector"
      >
        Setup
      </button>
    </header>
  )
}
