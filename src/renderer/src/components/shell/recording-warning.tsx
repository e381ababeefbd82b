import { useAppStore } from '../../store/app-store'
import './shell.css'

/** Compact header badge (the reason in its tooltip); the banner under the header carries the full reason. */
export function RecordingWarning() {
  const status = useAppStore((s) => s.storeStatus)
  if (!status || status.recording) return null
  return (
    <div
      className="recording-warning"
      data-testid="recording-warning"
      role="status"
      title={`${status.error ?? 'writing failed'} (${status.dataDir})`}
    >
      <strong>Not recording</strong>
    </div>
  )
}
