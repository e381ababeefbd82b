import { useEffect, useRef } from 'react'
import { closeEditor, setKeyWanted } from '../../bridge/replay-editor-actions'
import { primaryAction } from '../../bridge/paused-actions'
import { useAppStore } from '../../store/app-store'
import { KeyField } from '../shared/key-field'
import ReplayBodyEditor from './replay-body-editor'
import { ReplayChanges } from './replay-changes'
import { ReplayEditorHead } from './replay-editor-head'
import { ReplayFixes } from './replay-fixes'
import { ReplayHeaders } from './replay-headers'
import { PausedDiff } from './paused-diff'
import { PausedSendBar } from './paused-send-bar'
import { ReplayResult } from './replay-result'
import { ReplaySendBar } from './replay-send-bar'
import { ReplayTargetSelect } from './replay-target'
import { usePanelWidth } from '../shared/use-panel-width'
import './replay.css'


/**
 * Edit & replay, docked on the right so the timeline stays in view beside it: the request body in a JSON
 * editor, its headers, the target, the fixes the diagnosis offers, what they changed, Send (Ctrl/Cmd+Enter
 * anywhere in the panel), and the result with its diffs. Esc closes it and gives focus back.
 * Loaded lazily by the app (CodeMirror and the diff are most of its weight).
 */
export default function ReplayEditorPanel() {
  const editor = useAppStore((s) => s.editor)
  const hasRun = useAppStore((s) => s.run !== null && s.editor !== null && s.run.fromId === s.editor.exchangeId)
  const { width, overlay, onResizeStart, onResizeKey } = usePanelWidth()
  const panel = useRef<HTMLElement>(null)

  // Keyboard users land in the panel (Esc works at once); a click elsewhere keeps its own focus.
  useEffect(() => {
    const el = panel.current
    if (el && !el.contains(document.activeElement)) el.focus({ preventScroll: true })
  }, [editor?.exchangeId])

  // Ctrl/Cmd+Enter sends also when the focus fell to the page (a button that went away under the pointer).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return
      if (document.activeElement && document.activeElement !== document.body) return
      e.preventDefault()
      primaryAction()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  if (!editor) return null
  const ready = editor.status === 'ready'
  const paused = editor.paused
  // A paused request shows what the edits changed against the request as it arrived.
  const pausedDiff = paused?.phase === 'request' && editor.edited && !paused.answering

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      // Inside CodeMirror its own keymap sent already (and marked the event handled).
      if (!e.defaultPrevented) primaryAction()
      e.preventDefault()
      return
    }
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault()
      e.stopPropagation()
      closeEditor()
    }
  }

  return (
    <aside
      className={`replay-panel${overlay ? ' replay-panel-overlay' : ''}`}
      data-testid="replay-editor"
      data-id={editor.exchangeId}
      data-state={editor.status}
      data-mode={paused ? (paused.ended === null ? 'paused' : 'pause-ended') : 'replay'}
      aria-label={paused ? 'Paused exchange' : 'Edit and replay'}
      ref={panel}
      tabIndex={-1}
      style={overlay ? undefined : { width }}
      onKeyDown={onKeyDown}
    >
      {!overlay && (
        <div
          className="replay-resize"
          role="separator"
          aria-orientation="vertical"
          aria-label="Resize the replay panel"
          tabIndex={0}
          onPointerDown={onResizeStart}
          onKeyDown={onResizeKey}
        />
      )}
      <ReplayEditorHead editor={editor} />
      {editor.status === 'loading' && <div className="notice">Loading the request…</div>}
      {editor.status === 'error' && (
        <div className="error-box replay-pad" role="alert">
          Could not open this request for editing: {editor.loadError}
        </div>
      )}
      {ready && (
        <>
          {/* A paused response has no fixes or changes: no empty strip for them. */}
          {(!paused || editor.fixIds.length > 0 || editor.changes.length > 0 || editor.problem) && (
            <div className="replay-top">
              <ReplayFixes editor={editor} />
              <ReplayChanges editor={editor} />
              {/* A paused exchange goes on where it was going, with its own headers and key. */}
              {!paused && (
                <>
                  <div className="replay-row">
                    <ReplayTargetSelect editor={editor} />
                  </div>
                  <KeyField
                    name="replay"
                    need={editor.keyNeed}
                    wanted={editor.keyWanted}
                    testId="replay-key-input"
                    onWanted={setKeyWanted}
                  />
                  <ReplayHeaders editor={editor} />
                </>
              )}
            </div>
          )}
          <div className={`replay-body${(hasRun && !paused) || pausedDiff ? ' replay-body-half' : ''}`}>
            {editor.readOnly && <div className="notice notice-warn">{editor.readOnly}</div>}
            <ReplayBodyEditor readOnly={editor.readOnly !== null} />
          </div>
          {paused ? <PausedSendBar key={editor.exchangeId} editor={editor} paused={paused} /> : <ReplaySendBar editor={editor} />}
          {pausedDiff && <PausedDiff editor={editor} />}
          {hasRun && !paused && <ReplayResult />}
        </>
      )}
    </aside>
  )
}
