// What a fix or a timeline edit changed, marked in the request editor: the text it inserted is highlighted and
// scrolled into view, until the next fix, Reset or a new request. The change is applied as the minimal set of
// edits (a text diff, @codemirror/merge), so undo, the cursor and folds outside it are kept.
import { presentableDiff } from '@codemirror/merge'
import { StateEffect, StateField, type Range } from '@codemirror/state'
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view'

const setMarks = StateEffect.define<Array<{ from: number; to: number }>>()
const mark = Decoration.mark({ class: 'cm-fix-applied' })
const line = Decoration.line({ class: 'cm-fix-line' })

export const fixMarks = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const e of tr.effects) if (e.is(setMarks)) return build(tr.state.doc, e.value)
    return tr.docChanged ? marks.map(tr.changes) : marks
  },
  provide: (f) => EditorView.decorations.from(f)
})

function build(doc: EditorView['state']['doc'], ranges: Array<{ from: number; to: number }>): DecorationSet {
  const out: Range<Decoration>[] = []
  for (const { from, to } of ranges) {
    if (to > from) out.push(mark.range(from, to))
    const first = doc.lineAt(from).number
    const last = doc.lineAt(Math.max(from, to - 1)).number
    for (let n = first; n <= last; n++) out.push(line.range(doc.line(n).from))
  }
  return Decoration.set(out, true)
}

/** Replace the document with `text` as the minimal edits, mark what was inserted, show and focus it. */
export function applyMarked(view: EditorView, text: string): void {
  const old = view.state.doc.toString()
  const changes = presentableDiff(old, text, { scanLimit: 20_000 })
  if (changes.length === 0) return
  // Positions in the new document of every inserted (or replaced) piece; a pure deletion marks its line.
  const ranges = changes.map((c) => ({ from: c.fromB, to: c.toB }))
  view.dispatch({
    changes: changes.map((c) => ({ from: c.fromA, to: c.toA, insert: text.slice(c.fromB, c.toB) })),
    effects: [setMarks.of(ranges), EditorView.scrollIntoView(ranges[0].from, { y: 'center' })],
    selection: { anchor: ranges[0].from }
  })
  view.focus()
}

/** Forget the marks (a new document, or Reset back to the original). */
export function clearMarks(view: EditorView): void {
  view.dispatch({ effects: setMarks.of([]) })
}
