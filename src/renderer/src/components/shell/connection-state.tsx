import { useEffect, useState } from 'react'
import { getConnection } from '../../api/get-api'
import { useAppStore } from '../../store/app-store'
import './shell.css'

const LABEL = { ipc: 'connected', connecting: 'connecting…', open: 'live', disconnected: 'disconnected' } as const

export function ConnectionState() {
  const connection = useAppStore((s) => s.connection)
  const shell = useAppStore((s) => s.shell)
  const now = useNow(connection.state === 'disconnected' && connection.retryAt !== null)

  const retryIn =
    connection.state === 'disconnected' && connection.retryAt !== null
      ? Math.max(0, Math.ceil((connection.retryAt - now) / 1000))
      : null

  return (
    <div
      className={`connection connection-${connection.state}`}
      data-testid="connection-state"
      data-state={connection.state}
      title={connection.error ?? (shell === 'electron' ? 'Electron IPC' : 'Event stream (WebSocket)')}
      role={connection.state === 'disconnected' ? 'alert' : undefined}
    >
      <span className={`dot dot-${connection.state}`} aria-hidden />
      <span>{connection.authFailed ? 'no access' : LABEL[connection.state]}</span>
      {retryIn !== null && <span className="muted">retry in {retryIn}s</span>}
      {connection.state === 'disconnected' && connection.retryAt !== null && (
        <button className="btn btn-link" onClick={() => getConnection().retryNow()}>
          retry now
        </button>
      )}
    </div>
  )
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), 500)
    return () => clearInterval(timer)
  }, [active])
  return now
}
