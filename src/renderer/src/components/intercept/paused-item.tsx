// One exchange waiting at a breakpoint. A paused request is shown as it would be sent: edit it, apply the fixes
// that change it (the same catalogue as the replay editor, with the recorded responses as evidence), then
// continue (edited or as it was), answer it yourself, or drop it. A paused response can go on, be answered or dropped.
import { useEffect, useState } from 'react'
import type { PausedExchange } from '@shared/types'
import { getApi } from '../../api/get-api'
import { attempt } from './use-intercept'

export function PausedItem({ paused }: { paused: PausedExchange }) {
  const api = getApi()
  const id = paused.exchangeId
  const isRequest = paused.phase === 'request'
  const [original, setOriginal] = useState<string | null>(null)
  const [body, setBody] = useState('')
  const [fixIds, setFixIds] = useState<string[]>([])
  const [changes, setChanges] = useState<string[]>([])
  const [answering, setAnswering] = useState(false)
  const [answer, setAnswer] = useState({ status: '200', body: '{}' })
  const [error, setError] = useState<string | null>(null)
  const [left, setLeft] = useState(() => Date.parse(paused.timeoutAt) - Date.now())

  useEffect(() => {
    const timer = setInterval(() => setLeft(Date.parse(paused.timeoutAt) - Date.now()), 1000)
    return () => clearInterval(timer)
  }, [paused.timeoutAt])

  useEffect(() => {
    if (!isRequest) return
    let live = true
    void api['exchanges:body']({ id, part: 'request' }).then((v) => {
      if (!live) return
      setOriginal(v.text ?? '')
      setBody(v.text ?? '')
    })
    return () => {
      live = false
    }
  }, [id, isRequest])

  useEffect(() => {
    if (!isRequest || original === null) return
    let live = true
    void api['breakpoints:fixes']({ id, body }).then(
      (r) => live && setFixIds(r.fixIds),
      () => live && setFixIds([])
    )
    return () => {
      live = false
    }
  }, [id, body, original, isRequest])

  const go = async (call: () => Promise<unknown>): Promise<void> => setError(await attempt(call))
  const applyFix = async (fixId: string): Promise<void> => {
    try {
      const result = await api['breakpoints:apply-fix']({ id, fixId, body })
      setBody(result.body)
      setChanges(result.changes)
      setError(null)
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  const edited = original !== null && body !== original
  return (
    <div className="paused-item" data-testid="paused-item" data-id={id} data-phase={paused.phase}>
      <div className="paused-line">
        <span className="chip">{isRequest ? 'request' : `response ${paused.status ?? ''}`}</span>
        <span className="mono dim">{id.slice(0, 8)}</span>
        <span className="dim" title="Then it continues unedited">
          continues by itself in {Math.max(0, Math.round(left / 1000))} s
        </span>
      </div>
      {isRequest && (
        <>
          {fixIds.length > 0 && (
            <div className="paused-fixes" data-testid="paused-fixes">
              {fixIds.map((f) => (
                <button key={f} className="btn btn-small fix-chip" data-testid="paused-fix" data-fix={f} onClick={() => void applyFix(f)}>
                  {f}
                </button>
              ))}
            </div>
          )}
          {changes.length > 0 && (
            <ul className="paused-changes" data-testid="paused-changes">
              {changes.map((c, k) => (
                <li key={k}>{c}</li>
              ))}
            </ul>
          )}
          <textarea className="paused-body mono" value={body} onChange={(e) => setBody(e.target.value)} spellCheck={false} aria-label="Request body" data-testid="paused-body" />
        </>
      )}
      {answering && (
        <div className="intercept-form">
          <input className="paused-status" value={answer.status} onChange={(e) => setAnswer({ ...answer, status: e.target.value })} aria-label="Status" data-testid="answer-status" />
          <textarea className="paused-body mono" value={answer.body} onChange={(e) => setAnswer({ ...answer, body: e.target.value })} aria-label="Response body" data-testid="answer-body" />
        </div>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="paused-actions">
        {isRequest && edited && (
          <button className="btn btn-small btn-primary" data-testid="paused-continue" onClick={() => void go(() => api['breakpoints:resume']({ id, action: 'continue', body, response: null }))}>
            Continue with edits
          </button>
        )}
        <button className={`btn btn-small${edited ? '' : ' btn-primary'}`} data-testid="paused-continue-unedited" onClick={() => void go(() => api['breakpoints:resume']({ id, action: 'continue', body: null, response: null }))}>
          Continue unedited
        </button>
        {answering ? (
          <button
            className="btn btn-small"
            data-testid="answer-send"
            onClick={() => void go(() => api['breakpoints:resume']({ id, action: 'answer', body: null, response: { status: Number(answer.status), headers: [['content-type', 'application/json']], body: answer.body } }))}
          >
            Send this response
          </button>
        ) : (
          <button className="btn btn-small" data-testid="paused-answer" onClick={() => setAnswering(true)}>
            Answer…
          </button>
        )}
        <button className="btn btn-small" data-testid="paused-drop" onClick={() => void go(() => api['breakpoints:resume']({ id, action: 'drop', body: null, response: null }))}>
          Drop
        </button>
      </div>
    </div>
  )
}
