// Minimize runs (`repro:minimize` + `repro:progress`) and the repro export (`repro:export` → a zip download).
import type { MinimizeStatus, ReplayTarget } from '@shared/types'
import { getApi } from '../api/get-api'
import { base64ToBytes, downloadBytes } from '../lib/download'
import { useAppStore } from '../store/app-store'
import type { MinimizeMode, MinimizeRun } from '../store/minimize-slice'
import { refreshKeyStatus, takeTypedKey } from './typed-keys'

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))

export const isMinimizeActive = (run: MinimizeRun | null): boolean => !!run && (run.state === 'starting' || run.state === 'running')

export function openMinimize(id: string): void {
  const s = useAppStore.getState()
  s.setMinimizeOpenFor(s.minimizeOpenFor === id ? null : id)
  void refreshKeyStatus()
}

export function closeMinimize(): void {
  useAppStore.getState().setMinimizeOpenFor(null)
}

/** Progress that arrived before `repro:minimize` answered (the first event is sent while it runs). */
const early = new Map<string, MinimizeStatus>()
/** Cancel was pressed before the core named the job: cancel it as soon as it does. */
let cancelWanted = false

export async function startMinimize(id: string, mode: MinimizeMode, budget: number, target: ReplayTarget | null): Promise<void> {
  const s = useAppStore.getState()
  if (isMinimizeActive(s.minimize)) return
  s.setMinimizeError(null)
  cancelWanted = false
  const previous = s.minimize
  s.setMinimize({ exchangeId: id, jobId: null, state: 'starting', mode, budget, progress: null, result: null, message: null })
  try {
    const key = mode === 'upstream' ? await takeTypedKey('minimize') : null
    const { jobId } = await getApi()['repro:minimize']({ id, mode, budget, target, key })
    const cur = useAppStore.getState().minimize
    if (!cur || cur.exchangeId !== id || cur.jobId !== null) return
    useAppStore.getState().setMinimize({ ...cur, jobId, state: 'running' })
    const first = early.get(jobId)
    early.clear()
    if (first) noteMinimizeProgress(first)
    if (cancelWanted) void cancelMinimize()
  } catch (err) {
    // Refused before it ran (a missing key, nothing to predict): the form stays, with the reason.
    useAppStore.getState().setMinimize(previous?.exchangeId === id ? previous : null)
    useAppStore.getState().setMinimizeError(message(err))
  }
}

/** Stop the run, keeping the smallest failing request found so far. A no-op once it has ended. */
export async function cancelMinimize(): Promise<void> {
  const run = useAppStore.getState().minimize
  if (!run || !isMinimizeActive(run)) return
  if (!run.jobId) {
    cancelWanted = true
    return
  }
  try {
    await getApi()['repro:cancel']({ jobId: run.jobId })
  } catch (err) {
    useAppStore.getState().setMinimizeError(`cancel: ${message(err)}`)
  }
}

/** `repro:progress` from the core. */
export function noteMinimizeProgress(status: MinimizeStatus): void {
  const run = useAppStore.getState().minimize
  if (!run || run.jobId !== status.jobId) {
    early.set(status.jobId, status)
    while (early.size > 10) early.delete(early.keys().next().value as string)
    return
  }
  useAppStore.getState().setMinimize({
    ...run,
    state: status.state,
    progress: status.progress ?? run.progress,
    result: status.result ?? run.result,
    message: status.message
  })
}

/** The repro bundle (with the minimal request when a run for this exchange has one), saved as a zip. */
export async function exportRepro(id: string): Promise<void> {
  const s = useAppStore.getState()
  if (s.exportState?.exchangeId === id && s.exportState.status === 'busy') return
  s.setExportState({ exchangeId: id, status: 'busy', message: null })
  const run = s.minimize
  const result = run && run.exchangeId === id && !isMinimizeActive(run) ? run.result : null
  try {
    // The core exports the run's own bytes (jobId); the body shown here is a pretty copy, never what is sent.
    const jobId = result ? run!.jobId : null
    const bundle = jobId
      ? await getApi()['repro:export']({ id, jobId, minimalBody: null, removed: [], minimizedBy: null })
      : await getApi()['repro:export']({ id, minimalBody: result?.requestText ?? null, removed: result?.removed ?? [], minimizedBy: result?.mode ?? null })
    downloadBytes(bundle.fileName, base64ToBytes(bundle.zipBase64))
    useAppStore.getState().setExportState({ exchangeId: id, status: 'done', message: `${bundle.fileName} · ${bundle.files.length} files${result ? ' · minimal request' : ''}` })
  } catch (err) {
    useAppStore.getState().setExportState({ exchangeId: id, status: 'error', message: message(err) })
  }
}
