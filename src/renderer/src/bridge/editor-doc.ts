// The replay editor's text lives in the CodeMirror document, not the store (a body can be megabytes). This
// module is the one handle on it: the editor component attaches its view; actions read and replace the text
// through here, also before the view exists (the text waits and the view starts from it).

export interface DocView {
  get(): string
  /** Replace the whole text as one undoable change. */
  set(text: string): void
}

let view: DocView | null = null
let pending = ''
/** The text as loaded (pretty-printed original): an unedited send passes null, the exact original bytes. */
let original = ''

export function attachDocView(v: DocView): () => void {
  view = v
  return () => {
    if (view !== v) return
    pending = v.get()
    view = null
  }
}

export function docText(): string {
  return view ? view.get() : pending
}

export function setDocText(text: string): void {
  if (view) view.set(text)
  else pending = text
}

/** A new document (another request, or the original again). */
export function loadDoc(text: string, asOriginal = true): void {
  if (asOriginal) original = text
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
