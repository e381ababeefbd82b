import type { ExchangeSummary } from '@shared/types'
import { openMinimize } from '../../bridge/minimize-actions'
import { canReplay, openEditor } from '../../bridge/replay-editor-actions'
import { isFailedRequest } from '../../lib/format'
import { useAppStore } from '../../store/app-store'
import { ExportButton } from './export-button'
import { openMenu } from '../list-tools/context-menu'
import { exchangeMenu } from '../list-tools/exchange-menu'
import './exchanges.css'

/** What can be done with one request: edit & replay it, minimize it (when it failed), export a repro bundle. */
export function ExchangeActions({ summary }: { summary: ExchangeSummary }) {
  const editing = useAppStore((s) => s.editor?.exchangeId === summary.id)
  const minimizing = useAppStore((s) => s.minimizeOpenFor === summary.id)
  const failed = isFailedRequest(summary) || summary.state === 'failed'
  return (
    <span className="exchange-actions">
      {canReplay(summary) && (
        <button
          className={`btn btn-small${editing ? ' btn-active' : ''}`}
          data-testid="edit-replay-button"
          onClick={() => void openEditor(summary.id)}
          title="Edit this request (JSON, headers, target) and send it again"
        >
          Edit &amp; replay
        </button>
      )}
      {failed && summary.protocol !== 'unknown' && (
        <button
          className={`btn btn-small${minimizing ? ' btn-active' : ''}`}
          data-testid="minimize-button"
          aria-expanded={minimizing}
          onClick={() => openMinimize(summary.id)}
          title="Shrink this request to the smallest one that still fails the same way"
        >
          Minimize
        </button>
      )}
      <button
        className="btn btn-small"
        data-testid="copy-menu-button"
        aria-haspopup="menu"
        title="Copy as cURL, fetch, HTTPie, raw HTTP, a HAR entry, the URL or the response"
        onClick={(e) => {
          const r = e.currentTarget.getBoundingClientRect()
          openMenu({ clientX: r.left, clientY: r.bottom + 2, preventDefault: () => e.preventDefault() }, 'Copy', exchangeMenu(summary.id, { open: false }))
        }}
      >
        Copy ▾
      </button>
      <ExportButton id={summary.id} />
    </span>
  )
}
