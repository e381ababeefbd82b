import { useEffect } from 'react'
import { useAppStore } from '../../store/app-store'
import './list-tools.css'

/** What the last action did (copied, deleted, failed); a success fades after a few seconds, an error stays. */
export function NoticeLine() {
  const notice = useAppStore((s) => s.notice)
  useEffect(() => {
    if (!notice || notice.tone === 'error') return
    const t = setTimeout(() => {
      if (useAppStore.getState().notice?.at === notice.at) useAppStore.getState().setNotice(null)
    }, 5000)
    return () => clearTimeout(t)
  }, [notice])
  if (!notice) return null
  return (
    <div className={`notice-line notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="notice" data-tone={notice.tone}>
      <span>{notice.text}</span>
      <button className="btn btn-icon" aria-label="Dismiss" onClick={() => useAppStore.getState().setNotice(null)}>
        ×
      </button>
    </div>
  )
}
