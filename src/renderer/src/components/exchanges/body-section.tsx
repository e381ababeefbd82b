import { useMemo, type ReactNode } from 'react'
import type { BodyPart, BodyView } from '@shared/types'
import { setBodyMode } from '../../bridge/detail-actions'
import { formatBytes } from '../../lib/format'
import { prettyJsonLines, rawLines } from '../../lib/json-lines'
import { useAppStore } from '../../store/app-store'
import { bodyKey } from '../../store/detail-slice'
import { CopyButton } from '../shared/copy-button'
import { LineView } from '../shared/line-view'
import { Segmented } from '../shared/segmented'
import './exchanges.css'

/** The open exchange's request or response body: notices, Pretty/Raw, and a virtualized text view. */
export function BodySection({
  part,
  contentType,
  extraToolbar
}: {
  part: BodyPart
  contentType: string | null
  extraToolbar?: ReactNode
}) {
  const openId = useAppStore((s) => s.openId)
  // Side by side the request has its own slot; on a tab of its own it is the one body held.
  const body = useAppStore((s) => (s.tab === 'both' && part === 'request' ? s.requestBody : s.body))
  const mode = useAppStore((s) => s.bodyMode)
  const wanted = openId ? bodyKey(openId, part) : null
  const view = body.status === 'ready' && body.key === wanted ? body.value : null

  return (
    <div className="body-section" data-testid={`body-${part}`}>
      <div className="section-toolbar">
        <span className="section-title">{part === 'request' ? 'Request body' : 'Response body'}</span>
        {view && <BodyFacts view={view} contentType={contentType} />}
        <span className="header-spacer" />
        {extraToolbar}
        <Segmented
          label="Body view"
          value={view && !view.isJson ? 'raw' : mode}
          onChange={setBodyMode}
          options={[
            { value: 'pretty', label: 'Pretty', disabled: !!view && !view.isJson, testId: 'body-pretty' },
            { value: 'raw', label: 'Raw', testId: 'body-raw' }
          ]}
        />
        {view?.text != null && <CopyButton text={view.text} />}
      </div>
      {body.key === wanted && body.status === 'loading' && <div className="notice">Loading body…</div>}
      {body.key === wanted && body.status === 'error' && (
        <div className="error-box" role="alert">
          Could not load the body: {body.error}
        </div>
      )}
      {view && <BodyViewer view={view} mode={view.isJson ? mode : 'raw'} />}
    </div>
  )
}

function BodyFacts({ view, contentType }: { view: BodyView; contentType: string | null }) {
  return (
    <span className="body-facts muted">
      {contentType && <span className="mono">{contentType}</span>}
      <span>{formatBytes(view.size)}</span>
      {view.encoding && <span className="mono">{view.encoding}</span>}
    </span>
  )
}

function BodyViewer({ view, mode }: { view: BodyView; mode: 'pretty' | 'raw' }) {
  const text = view.text
  const prepared = useMemo(() => {
    if (text === null) return null
    if (mode === 'pretty') {
      const pretty = prettyJsonLines(text)
      if (pretty.ok) return { lines: pretty.lines, highlight: true, fellBack: false }
      return { lines: rawLines(text), highlight: false, fellBack: true }
    }
    return { lines: rawLines(text), highlight: false, fellBack: false }
  }, [text, mode])

  return (
    <>
      {view.note && (
        <div className="notice notice-warn" data-testid="body-note" role="note">
          {view.note}
        </div>
      )}
      {view.truncated && (
        <div className="notice notice-warn" data-testid="body-truncated">
          Showing the first {formatBytes(text?.length ?? 0)} of {formatBytes(view.size)}; the rest is kept on disk but not
          shown.
        </div>
      )}
      {prepared?.fellBack && <div className="notice">Not well-formed JSON; showing the raw text.</div>}
      {text === null ? (
        <div className="notice muted">{view.size === 0 ? 'No body.' : 'No decoded text for this body.'}</div>
      ) : text.length === 0 ? (
        <div className="notice muted">Empty body.</div>
      ) : (
        prepared && <LineView lines={prepared.lines} highlight={prepared.highlight} testId="body-text" />
      )}
    </>
  )
}
