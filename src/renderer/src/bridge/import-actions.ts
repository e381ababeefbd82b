// Importing a file (HAR, exchange file, bare request body): read it here, let the core parse and record it,
// then show what came in.
import { getApi } from '../api/get-api'
import { formatBytes } from '../lib/format'
import { readFileBase64, readFileText } from '../lib/read-file'
import { useAppStore } from '../store/app-store'
import { showConversation, showExchange } from './view-actions'

/** Mirrors MAX_IMPORT_CHARS in shared/api.ts, which the renderer cannot import without bundling zod. */
const MAX_IMPORT_CHARS = 512 * 1024 * 1024

let busy = false

export async function importFile(file: File): Promise<void> {
  if (busy) return
  busy = true
  const set = useAppStore.getState().setImportState
  const name = file.name || 'dropped file'
  try {
    if (file.size > MAX_IMPORT_CHARS * 4) throw new Error(`${formatBytes(file.size)} is more than the ${formatBytes(MAX_IMPORT_CHARS)} an import can take.`)
    set({ status: 'reading', name, loaded: 0, total: file.size })
    let last = 0
    const progress = (loaded: number, total: number) => {
      // A progress line, not a re-render per 64 KB chunk.
      if (loaded - last < total / 100 && loaded < total) return
      last = loaded
      set({ status: 'reading', name, loaded, total })
    }
    // A zip (the repro bundle the app exports) goes as bytes; everything else as text.
    const zip = await isZip(file)
    const content = zip ? { base64: await readFileBase64(file, progress) } : { text: await readFileText(file, progress) }
    if ((content.text ?? content.base64 ?? '').length > MAX_IMPORT_CHARS) throw new Error(`${formatBytes(file.size)} is more than the ${formatBytes(MAX_IMPORT_CHARS)} an import can take.`)
    set({ status: 'importing', name, size: file.size })
    const result = await getApi()['import:file']({ name, ...content })
    set({ status: 'done', name, result })
    // A repro bundle opens on its failing request, with its culprit, rule and diff; nothing is sent.
    const failing = result.bundle?.failingId ? result.imported.find((e) => e.id === result.bundle!.failingId) : undefined
    const first = failing ?? result.imported[0]
    if (first?.conversationId) showConversation(first.conversationId, first.id)
    else if (first) showExchange(first.id, 'diagnosis')
  } catch (err) {
    set({ status: 'error', name, error: err instanceof Error ? err.message : String(err) })
  } finally {
    busy = false
  }
}

/** A zip starts with a local file header (PK\x03\x04), whatever the file is called. */
async function isZip(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer())
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04
}

export function dismissImport(): void {
  const s = useAppStore.getState()
  if (s.importState.status === 'done' || s.importState.status === 'error') s.setImportState({ status: 'idle' })
}
