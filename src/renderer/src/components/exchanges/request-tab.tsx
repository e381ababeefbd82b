import { useAppStore } from '../../store/app-store'
import { BodySection } from './body-section'
import { HeadersTable } from './headers-table'
import { PatchedDiff } from '../intercept/patched-diff'
import './exchanges.css'

export function RequestTab() {
  const detail = useAppStore((s) => (s.detail.status === 'ready' ? s.detail.value : null))
  return (
    <div className="tab-content http-pane" data-testid="request-pane">
      {detail && (
        <HeadersTable
          title="Request headers"
          testId="headers-request"
          headers={detail.request.headers}
          startLine={`${detail.summary.method} ${detail.summary.path}`}
        />
      )}
      {detail && <PatchedDiff summary={detail.summary} />}
      <BodySection part="request" contentType={detail?.request.contentType ?? null} />
    </div>
  )
}
