import type { EditModel } from '../../lib/edit-model'
import { useAppStore } from '../../store/app-store'

/** The editor's structured-edit model, when the editor is open on the request the timeline shows. */
export function useEditModel(): EditModel | null {
  return useAppStore((s) => (s.editor && s.editor.status === 'ready' && s.editor.exchangeId === s.analysisId ? s.editor.model : null))
}
