import { showConversation } from '../../bridge/view-actions'
import { useAppStore } from '../../store/app-store'
import './conversations.css'

/** "forked from …": this thread began as an edited copy of another conversation's history. */
export function ForkMarker({ forkOf, forkAt, link = false }: { forkOf: string; forkAt: number | null; link?: boolean }) {
  const title = useAppStore((s) => s.convById.get(forkOf)?.title ?? null)
  const text = `fork of ${title ? `“${title}”` : forkOf}${forkAt !== null ? ` at #${forkAt}` : ''}`
  const hint = `This thread started as an edited copy of conversation ${forkOf}${forkAt !== null ? `, diverging at message ${forkAt}` : ''}`
  if (!link)
    return (
      <span className="fork-marker fork-compact" data-testid="fork-marker" title={`${hint}: ${text}`}>
        ↳ fork{forkAt !== null ? ` @${forkAt}` : ''}
      </span>
    )
  return (
    <button className="fork-marker btn-link" data-testid="fork-marker" title={`${hint}. Open it.`} onClick={() => showConversation(forkOf)}>
      ↳ {text}
    </button>
  )
}
