import { useEffect, useRef } from 'react'
import { useAppStore } from '../../store/app-store'
import './list-tools.css'

/** A modal question (delete): Enter or the action button confirms, Esc or Cancel keeps everything. */
export function ConfirmDialog() {
  const confirm = useAppStore((s) => s.confirm)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const returnTo = useRef<Element | null>(null)
  useEffect(() => {
    if (confirm) {
      returnTo.current = document.activeElement
      // The safe answer has the focus.
      cancelRef.current?.focus()
    } else (returnTo.current as HTMLElement | null)?.focus?.({ preventScroll: true })
  }, [confirm])
  if (!confirm) return null
  const close = () => useAppStore.getState().setConfirm(null)
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-body"
        data-testid="confirm-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation()
            e.preventDefault()
            close()
          }
        }}
      >
        <h2 id="confirm-title">{confirm.title}</h2>
        <p id="confirm-body">{confirm.body}</p>
        <div className="modal-actions">
          <button ref={cancelRef} className="btn" onClick={close} data-testid="confirm-cancel">
            Cancel
          </button>
          <button
            className="btn btn-danger"
            data-testid="confirm-ok"
            onClick={() => {
              close()
              confirm.run()
            }}
          >
            {confirm.action}
          </button>
        </div>
      </div>
    </div>
  )
}
