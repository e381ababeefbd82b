import { useAppStore } from '../../store/app-store'
import { useStoredFlag } from '../shared/use-stored-flag'
import { DiagnosisPanel } from './diagnosis-panel'
import { Timeline } from '../timeline/timeline'
import { TurnDiffView } from './turn-diff'
import './diagnosis.css'

/**
 * One request, analysed: the diagnosis (or lint) and turn diff on the left, where the eye lands first, and the
 * request's timeline beside it, scrolled to the culprit. Used by the conversation view and the Diagnosis tab.
 */
export function AnalysisView({ baseLabel }: { baseLabel?: (id: string) => string | null }) {
  const id = useAppStore((s) => s.analysisId)
  const requestView = useAppStore((s) => s.requestView)
  const paused = useAppStore((s) => s.analysisId !== null && s.byId.get(s.analysisId)?.state === 'paused')
  const diagnosis = useAppStore((s) => (s.diagnosis.status === 'ready' ? s.diagnosis.value : null))
  const target = useAppStore((s) => s.target)

  const [collapsed, setCollapsed] = useStoredFlag('mimo-inspector.diagnosis-collapsed')
  const failed = diagnosis?.error != null

  return (
    <div className="analysis-box">
      <div className={`analysis${collapsed ? ' analysis-collapsed' : ''}`} data-testid="analysis" data-id={id ?? ''}>
        {collapsed ? (
          <button className="analysis-rail" data-testid="diagnosis-expand" aria-expanded={false} onClick={() => setCollapsed(false)} title="Show the diagnosis">
            <span aria-hidden>›</span> {failed ? 'Why it failed' : 'Diagnosis'}
          </button>
        ) : (
          <aside className="analysis-side">
            <button className="btn btn-icon analysis-collapse" data-testid="diagnosis-collapse" aria-expanded onClick={() => setCollapsed(true)} aria-label="Hide the diagnosis" title="Hide the diagnosis (more room for the timeline)">
              ‹
            </button>
            <DiagnosisPanel />
            <TurnDiffView baseLabel={baseLabel} />
          </aside>
        )}
        <div className="analysis-main">
          {(requestView.status === 'loading' || requestView.status === 'idle') && <div className="notice">Loading the request…</div>}
          {requestView.status === 'error' && (
            <div className="error-box" role="alert">
              Could not read the request: {requestView.error}
            </div>
          )}
          {requestView.status === 'ready' && requestView.value === null && (
            <div className="notice muted">
              {paused
                ? 'Held at a breakpoint: its body is not JSON of a known protocol, so there is no timeline. Edit it in the replay editor.'
                : 'No timeline: the request body is not JSON of a known protocol (or not stored yet).'}
            </div>
          )}
          {requestView.status === 'ready' && requestView.value && (
            <Timeline key={id ?? ''} view={requestView.value} diagnosis={diagnosis} target={target} />
          )}
        </div>
      </div>
    </div>
  )
}
