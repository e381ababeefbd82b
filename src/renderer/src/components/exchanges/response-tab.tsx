import { setStreamMode } from '../../bridge/detail-actions'
import { useAppStore } from '../../store/app-store'
import { selectOpenSummary } from '../../store/selectors'
import { BodySection } from './body-section'
import { HeadersTable } from './headers-table'
import { Segmented } from '../shared/segmented'
import { StreamSection } from './stream-section'
import './exchanges.css'

export function ResponseTab() {
  const detail = useAppStore((s) => (s.detail.status === 'ready' ? s.detail.value : null))
  const summary = useAppStore(selectOpenSummary)
  const streamMode = useAppStore((s) => s.streamMode)

  if (detail && !detail.response) {
    return (
      <div className="tab-content http-pane" data-testid="response-pane">
        {summary?.error ? (
          <div className="error-box" role="alert">
            No response: {summary.error}
          </div>
        ) : (
          <div className="notice notice-wait">
            <span className="spinner" aria-hidden /> Waiting for the response head…
          </div>
        )}
      </div>
    )
  }

  const isStream = summary?.stream ?? false
  const modeSwitch = isStream ? (
    <Segmented
      label="Stream view"
      value={streamMode}
      onChange={setStreamMode}
      options={[
        { value: 'parsed', label: 'Message + events' },
        { value: 'raw', label: 'Raw body' }
      ]}
    />
  ) : null

  return (
    <div className="tab-content http-pane" data-testid="response-pane">
      {detail?.response && (
        <HeadersTable
          title="Response headers"
          testId="headers-response"
          headers={detail.response.headers}
          startLine={`${summary?.status ?? ''} ${detail.response.statusMessage}`}
        />
      )}
      {isStream && streamMode === 'parsed' ? (
        <StreamSection toolbar={modeSwitch} contentType={detail?.response?.contentType ?? null} />
      ) : (
        <BodySection part="response" contentType={detail?.response?.contentType ?? null} extraToolbar={modeSwitch} />
      )}
    </div>
  )
}
