import { setSetupOpen } from '../../bridge/status-actions'
import { useAppStore } from '../../store/app-store'
import { ImportButton, ImportInput } from '../import/import-button'
import { InterceptChips, RulesChip } from '../intercept/intercept-chips'
import { useMediaQuery } from '../shared/use-media-query'
import { ConnectionState } from './connection-state'
import { HeaderMenu } from './header-menu'
import { ProxyAddress } from './proxy-address'
import { RecordingWarning } from './recording-warning'
import { UpstreamSelect } from './upstream-select'
import { ViewSwitch } from './view-switch'
import './shell.css'

/** Below these widths a header item moves into the "More" menu (see shell.css for the matching compaction). */
const FITS_UPSTREAM = '(min-width: 1360px)'
const FITS_FILE_AND_COUNT = '(min-width: 1100px)'

function Count() {
  const count = useAppStore((s) => s.slots.length)
  const conversations = useAppStore((s) => s.convIds.length)
  const view = useAppStore((s) => s.mainView)
  return view === 'exchanges' ? (
    <span className="header-count" data-testid="exchange-count" title="Recorded exchanges">
      <strong>{count.toLocaleString('en-US')}</strong> {count === 1 ? 'exchange' : 'exchanges'}
    </span>
  ) : (
    <span className="header-count" data-testid="conversation-count" title="Conversations">
      <strong>{conversations.toLocaleString('en-US')}</strong> {conversations === 1 ? 'conversation' : 'conversations'}
    </span>
  )
}

export function Header() {
  const version = useAppStore((s) => s.app?.version)
  const setupOpen = useAppStore((s) => s.setupOpen)
  const ready = useAppStore((s) => s.appState === 'ready')
  const upstreamFits = useMediaQuery(FITS_UPSTREAM)
  const fileFits = useMediaQuery(FITS_FILE_AND_COUNT)
  const hasUpstream = useAppStore((s) => s.proxy !== null)
  const inMenu = (!upstreamFits && (hasUpstream || ready)) || (ready && !fileFits)

  return (
    <header className="header">
      <div className="brand" title={version ? `MiMo Inspector v${version}` : 'MiMo Inspector'}>
        <span className="brand-mark" aria-hidden>
          ◆
        </span>
        <span className="brand-name">MiMo Inspector</span>
        {version && <span className="brand-version">v{version}</span>}
      </div>
      {ready && <ViewSwitch />}
      <ProxyAddress />
      {upstreamFits && <UpstreamSelect />}
      <div className="header-spacer" />
      <RecordingWarning />
      {ready && <InterceptChips rules={upstreamFits} />}
      {ready && fileFits && <Count />}
      <ConnectionState />
      {ready && fileFits && <ImportButton />}
      <button
        className={`btn btn-small${setupOpen ? ' btn-active' : ''}`}
        data-testid="setup-button"
        aria-pressed={setupOpen}
        onClick={() => setSetupOpen(!setupOpen)}
        title="Environment lines to point an agent at the inspector"
      >
        Setup
      </button>
      {ready && <ImportInput />}
      {inMenu && (
        <HeaderMenu>
          {ready && !fileFits && <Count />}
          {!upstreamFits && <UpstreamSelect />}
          {ready && !fileFits && <ImportButton />}
          {ready && !upstreamFits && <RulesChip />}
        </HeaderMenu>
      )}
    </header>
  )
}
