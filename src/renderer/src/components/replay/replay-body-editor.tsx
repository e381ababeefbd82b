// The request body in CodeMirror 6: folding, search, line numbers (basicSetup), JSON highlighting and JSON
// errors shown at their line. Loaded lazily: the main bundle stays small until someone edits a request.
import { json, jsonParseLinter } from '@codemirror/lang-json'
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { linter, lintGutter } from '@codemirror/lint'
import { EditorState, Prec } from '@codemirror/state'
import { keymap } from '@codemirror/view'
import { tags } from '@lezer/highlight'
import { basicSetup, EditorView } from 'codemirror'
import { useEffect, useRef } from 'react'
import { attachDocView, startText } from '../../bridge/editor-doc'
import { noteDocChanged } from '../../bridge/replay-editor-actions'
import { primaryAction } from '../../bridge/paused-actions'
import { applyMarked, clearMarks, fixMarks } from './fix-marks'
import './replay.css'

const theme = EditorView.theme(
  {
    '&': { height: '100%', backgroundColor: 'var(--bg-code)', color: 'var(--text)', fontSize: 'var(--fs-small)' },
    '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.45' },
    '.cm-content': { caretColor: 'var(--accent)' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--accent)' },
    '&.cm-focused': { outline: 'none' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: '#2a4a78 !important' },
    '.cm-gutters': { backgroundColor: 'var(--bg-panel)', color: 'var(--dim)', borderRight: '1px solid var(--border)' },
    '.cm-activeLine': { backgroundColor: 'rgba(90, 162, 255, 0.05)' },
    '.cm-activeLineGutter': { backgroundColor: 'rgba(90, 162, 255, 0.1)', color: 'var(--muted)' },
    '.cm-foldPlaceholder': { backgroundColor: 'var(--bg-elev)', border: '1px solid var(--border-strong)', color: 'var(--muted)' },
    '.cm-matchingBracket': { backgroundColor: 'rgba(90, 162, 255, 0.25)', outline: 'none' },
    '.cm-searchMatch': { backgroundColor: 'rgba(232, 185, 73, 0.3)' },
    '.cm-searchMatch-selected': { backgroundColor: 'rgba(232, 185, 73, 0.55)' },
    '.cm-panels': { backgroundColor: 'var(--bg-panel)', color: 'var(--text)' },
    '.cm-panels input, .cm-panels button': { fontSize: 'var(--fs-small)' },
    '.cm-fix-applied': { backgroundColor: 'rgba(79, 197, 143, 0.22)' },
    '.cm-fix-line': { boxShadow: 'inset 3px 0 0 var(--green)' },
    '.cm-tooltip': { backgroundColor: 'var(--bg-elev)', border: '1px solid var(--border-strong)', color: 'var(--text)' },
    '.cm-diagnostic-error': { borderLeftColor: 'var(--red)' },
    '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--red)' }
  },
  { dark: true }
)

// The same colours as the read-only JSON views (.j-key, .j-str, …).
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--json-key)' },
  { tag: tags.string, color: 'var(--json-str)' },
  { tag: tags.number, color: 'var(--json-num)' },
  { tag: [tags.bool, tags.null], color: 'var(--json-lit)' },
  { tag: [tags.punctuation, tags.separator, tags.brace, tags.squareBracket], color: 'var(--json-punct)' },
  { tag: tags.invalid, color: 'var(--red)' }
])

export default function ReplayBodyEditor({ readOnly }: { readOnly: boolean }) {
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const parent = box.current
    if (!parent) return
    let quiet = false
    let timer: ReturnType<typeof setTimeout> | null = null
    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc: startText(),
        extensions: [
          // Before basicSetup's Mod-Enter (insert a blank line): here it sends (or continues a paused request).
          Prec.highest(
            keymap.of([
              {
                key: 'Mod-Enter',
                run: () => {
                  primaryAction()
                  return true
                }
              }
            ])
          ),
          basicSetup,
          json(),
          linter(jsonParseLinter(), { delay: 400 }),
          lintGutter(),
          syntaxHighlighting(highlight),
          theme,
          EditorView.lineWrapping,
          fixMarks,
          EditorState.readOnly.of(readOnly),
          EditorView.contentAttributes.of({ 'aria-label': 'Request body (JSON)' }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged || quiet) return
            // Comparing a megabyte body on every keystroke is wasted work: once the typing pauses is enough.
            if (timer) clearTimeout(timer)
            timer = setTimeout(noteDocChanged, 150)
          })
        ]
      })
    })
    const detach = attachDocView({
      get: () => view.state.doc.toString(),
      set: (text, mark) => {
        if (text === view.state.doc.toString()) return
        quiet = true
        if (mark) applyMarked(view, text)
        else {
          view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } })
          clearMarks(view)
        }
        quiet = false
      }
    })
    return () => {
      if (timer) clearTimeout(timer)
      detach()
      view.destroy()
    }
  }, [readOnly])

  return <div className="replay-cm" data-testid="replay-body-editor" ref={box} />
}
