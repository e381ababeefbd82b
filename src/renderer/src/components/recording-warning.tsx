import { useAppStore } from '../store/app-store'

export function RecordingWarning() {
  const status = useAppStore((s) => s.storeStatus)
  if (!status || status.recording) return null
  return (
    <div className="recording-warning" data-testid="recording-warning" role="alert" title={status.dataDir}>
      <strong>Not recording</strong>
      <span>{status.error ?? 'writing to the data folder failed'}</span>
      <span className="muted">traffic still flows</span>
    </div>
  )
}
