// The replay editor's text lives in the CodeMirror document, not the store (a body can be megabytes). This
// module is the one handle on it: the editor component attaches its view; actions read and replace the text
// through here, also before the view exists (the text waits and the view starts from it).

export interface DocView {
  get(): string
  /** Replace the text as one undoable change; `mark` highlights what changed (a fix or an edit landed) and focuses it. */
  set(text: string, mark?: boolean): void
}

let view: DocView | null = null
let pending = ''
/** A marked change made before the view existed: the view starts from `markBase` and applies it marked. */
let markBase: string | null = null
/** The text as loaded (pretty-printed original): an unedited send passes null, the exact original bytes. */
let original = ''

export function attachDocView(v: DocView): () => void {
  view = v
  if (markBase !== null) {
    markBase = null
    v.set(pending, true)
  }
  return () => {
    if (view !== v) return
    pending = v.get()
    view = null
  }
}

export function docText(): string {
  return view ? view.get() : pending
}

export function setDocText(text: string, mark = false): void {
  if (view) return view.set(text, mark)
  if (mark && markBase === null) markBase = pending
  if (!mark) markBase = null
  pending = text
}

/** The text a view should start from: before a pending marked change, so the change shows as one. */
export function startText(): string {
  return markBase ?? pending
}

/** A new document (another request, or the original again). */
export function loadDoc(text: string, asOriginal = true): void {
  if (asOriginal) original = text
  markBase = null
  pending = text
  view?.set(text)
}

export function originalText(): string {
  return original
}

export function isEdited(): boolean {
  const text = docText()
  return text.length !== original.length || text !== original
}
