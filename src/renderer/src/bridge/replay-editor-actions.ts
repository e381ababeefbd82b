// Opening the replay editor on a request, and everything that changes its text before sending: fixes from the
// diagnosis, the timeline's structured edits, headers, target, reset. The core does every change to the body
// (`replay:apply-fix`, `replay:edit`); this module feeds it the editor's current text and puts the answer back.
import type { EditResult, ExchangeSummary, HeaderList, TimelineMessage } from '@shared/types'
import { getApi } from '../api/get-api'
import { EditPlanError, freshModel, planDeleteBlock, planDeleteMessage, planMoveBlock, planSetText, shapeProblem, type EditModel, type Plan } from '../lib/edit-model'
import { culpritFinding } from '../lib/timeline-model'
import { keyNeed, matchingProfile, ORIGINAL, type TargetChoice } from '../lib/replay-target'
import { useAppStore } from '../store/app-store'
import type { ReplayEditor } from '../store/replay-slice'
import { knownSummary } from './analysis-actions'
import { docText, isEdited, loadDoc, originalText, setDocText } from './editor-doc'
import { pausedEdit, pausedNow } from './paused-actions'
import { refreshKeyStatus } from './typed-keys'

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))

export const USE_MATCHING_BASE_URL = 'use-matching-base-url'

/** Where keyboard focus was before the editor opened; Esc puts it back. */
let returnFocus: HTMLElement | null = null
let loadToken = 0
/** Fixes and edits run one after another (each works on the text the previous one produced); Send waits for them. */
let queue: Promise<void> = Promise.resolve()

function serialize(work: () => Promise<void>): Promise<void> {
  // Each step handles its own errors; the chain itself never rejects.
  queue = queue.then(work).catch((err) => console.error('replay editor step failed', err))
  return queue
}

/** Resolves once every fix or edit asked for so far has landed in the editor. */
export function editsSettled(): Promise<void> {
  return queue
}

/** Unsent edits of requests the editor left, so coming back does not lose them. */
interface Draft {
  text: string
  original: string
  editor: Pick<ReplayEditor, 'changes' | 'headers' | 'target' | 'model'>
}
const drafts = new Map<string, Draft>()
const MAX_DRAFTS = 8

function keepDraft(): void {
  const ed = useAppStore.getState().editor
  if (!ed || ed.status !== 'ready') return
  if (!isEdited() && ed.headers === null && ed.target.kind === 'original') {
    drafts.delete(ed.exchangeId)
    return
  }
  drafts.delete(ed.exchangeId)
  drafts.set(ed.exchangeId, { text: docText(), original: originalText(), editor: { changes: ed.changes, headers: ed.headers, target: ed.target, model: ed.model } })
  while (drafts.size > MAX_DRAFTS) drafts.delete(drafts.keys().next().value as string)
}

function blankEditor(id: string, summary: ExchangeSummary | undefined): ReplayEditor {
  return {
    exchangeId: id,
    protocol: summary?.protocol ?? 'unknown',
    method: summary?.method ?? 'POST',
    path: summary?.path ?? '',
    upstreamUrl: summary?.upstreamUrl ?? '',
    status: 'loading',
    loadError: null,
    readOnly: null,
    isJson: true,
    edited: false,
    changes: [],
    fixIds: [],
    busy: false,
    problem: null,
    recordedHeaders: [],
    headers: null,
    target: ORIGINAL,
    keyNeed: null,
    keyWanted: false,
    sendError: null,
    model: freshModel(0),
    paused: null
  }
}

/** A paused request still waiting: its fixes and edits go through `breakpoints:*` (the recorded responses are the evidence). */
const pausedRequest = (ed: ReplayEditor): boolean => ed.paused?.phase === 'request' && ed.paused.ended === null

/** The fixes that would change a paused request's body as it is now (none once the pause ended). */
async function pausedFixIds(id: string, body: string): Promise<string[]> {
  return getApi()['breakpoints:fixes']({ id, body }).then(
    (r) => r.fixIds,
    () => []
  )
}

let fixTimer: ReturnType<typeof setTimeout> | null = null
/** A paused request's fixes follow its text: asked again once the typing (or a fix) settled. */
function refreshPausedFixes(delayMs = 300): void {
  if (fixTimer) clearTimeout(fixTimer)
  fixTimer = setTimeout(() => {
    fixTimer = null
    const ed = useAppStore.getState().editor
    if (!ed || ed.status !== 'ready' || !pausedRequest(ed)) return
    const id = ed.exchangeId
    void pausedFixIds(id, docText()).then((fixIds) => {
      const now = useAppStore.getState().editor
      if (now?.exchangeId === id && now.paused && now.paused.ended === null) useAppStore.getState().patchEditor({ fixIds }, id)
    })
  }, delayMs)
}

/** The fixes the request's diagnosis offers, the culprit's first (the same order as the diagnosis panel). */
async function fixIdsFor(id: string): Promise<string[]> {
  const s = useAppStore.getState()
  const d = s.diagnosis.key === id && s.diagnosis.status === 'ready' ? s.diagnosis.value : await getApi()['exchanges:diagnose']({ id }).catch(() => null)
  if (!d) return []
  const culprit = culpritFinding(d)
  const ordered = culprit ? [culprit, ...d.findings.filter((f) => f !== culprit)] : d.findings
  return [...new Set(ordered.flatMap((f) => f.fixIds))]
}

export interface OpenOptions {
  /** Apply this fix once the body is in. */
  fixId?: string
  /** Start from this text instead of the original (a minimized body), with these change lines. */
  body?: { text: string; changes: string[] }
}

/** Open the editor on a request (or bring it to this one). Resolves false when it could not load. */
export async function openEditor(id: string, options: OpenOptions = {}): Promise<boolean> {
  const s = useAppStore.getState()
  if (!s.editor) {
    const active = document.activeElement
    returnFocus = active instanceof HTMLElement && active !== document.body ? active : null
  }
  // A pause that ended is reopened as the recorded request it became.
  const ended = s.editor?.exchangeId === id && !!s.editor.paused?.ended
  if (s.editor?.exchangeId === id && s.editor.status === 'ready' && !options.body && !ended) {
    if (options.fixId) await applyFix(options.fixId)
    return true
  }
  if (s.editor?.exchangeId === id && s.editor.status === 'loading' && !options.body && !options.fixId) return true
  keepDraft()
  const my = ++loadToken
  const summary = knownSummary(id)
  s.setEditor(blankEditor(id, summary))
  loadDoc('')
  try {
    const api = getApi()
    // A paused request has no diagnosis yet (it is not stored): its fixes come from breakpoints:fixes below.
    const [body, detail, diagnosed, paused] = await Promise.all([
      api['exchanges:body']({ id, part: 'request' }),
      api['exchanges:get']({ id }),
      fixIdsFor(id),
      pausedNow(id).catch(() => null),
      refreshKeyStatus()
    ])
    if (my !== loadToken) return false
    if (!detail) throw new Error('this exchange is no longer in the store')
    const raw = body.text ?? ''
    let pretty = raw
    let isJson = false
    let messageCount = 0
    try {
      const value = JSON.parse(raw) as { messages?: unknown }
      pretty = JSON.stringify(value, null, 2)
      isJson = true
      messageCount = Array.isArray(value?.messages) ? value.messages.length : 0
    } catch {
      // Not JSON: shown and sent as text.
    }
    const fixIds = paused?.phase === 'request' && isJson && !body.truncated ? await pausedFixIds(id, pretty) : diagnosed
    if (my !== loadToken) return false
    const readOnly = paused?.phase === 'response'
      ? 'its request already went upstream (shown here as sent); the response is held before its first byte reached the client'
      : body.truncated
      ? `the editor shows the first ${raw.length.toLocaleString('en-US')} characters of ${body.size.toLocaleString('en-US')} bytes: editing is off, Send replays the exact original`
      : body.text === null && body.size > 0
        ? `${body.note ?? 'the body could not be decoded'}: editing is off, Send replays the exact original`
        : null
    const draft = options.body ? undefined : drafts.get(id)
    const sum = detail.summary
    const editor: ReplayEditor = {
      ...blankEditor(id, sum),
      status: 'ready',
      readOnly,
      isJson,
      fixIds,
      recordedHeaders: detail.request.headers,
      model: freshModel(messageCount),
      keyNeed: keyNeed(detail.request.headers, useAppStore.getState().keyStatus),
      paused: paused ? pausedEdit(paused) : null
    }
    loadDoc(pretty)
    if (draft && draft.original === pretty && !readOnly) {
      setDocText(draft.text)
      Object.assign(editor, draft.editor, { problem: { kind: 'note', text: 'your unsent edits of this request are back (Reset for the original)' } })
    }
    drafts.delete(id)
    if (options.body && !readOnly) {
      setDocText(options.body.text)
      Object.assign(editor, { changes: options.body.changes, model: freshModel(0, false) })
    }
    editor.edited = isEdited()
    useAppStore.getState().setEditor(editor)
    // Unsent edits came back: the fixes are those of the edited text.
    if (editor.paused && editor.edited) refreshPausedFixes(0)
  } catch (err) {
    if (my !== loadToken) return false
    useAppStore.getState().patchEditor({ status: 'error', loadError: message(err) }, id)
    return false
  }
  if (options.fixId) await applyFix(options.fixId)
  return true
}

/** Esc / ×: close the panel (a replay keeps running) and give focus back. */
export function closeEditor(): void {
  keepDraft()
  loadToken++
  useAppStore.getState().setEditor(null)
  const back = returnFocus
  returnFocus = null
  if (back?.isConnected) back.focus({ preventScroll: true })
}

function landed(id: string, result: EditResult, model?: EditModel): void {
  const ed = useAppStore.getState().editor
  if (!ed || ed.exchangeId !== id) return
  setDocText(result.body, true)
  useAppStore.getState().patchEditor({ changes: [...ed.changes, ...result.changes], edited: isEdited(), problem: null, ...(model ? { model } : {}) }, id)
  refreshPausedFixes(0)
}

/** A fix from the diagnosis, on the editor's current text. `use-matching-base-url` changes the target instead. */
export function applyFix(fixId: string): Promise<void> {
  return serialize(async () => {
    const ed = useAppStore.getState().editor
    if (!ed || ed.status !== 'ready') return
    const id = ed.exchangeId
    const patch = useAppStore.getState().patchEditor
    if (fixId === USE_MATCHING_BASE_URL) {
      const profile = matchingProfile(ed.recordedHeaders, ed.upstreamUrl)
      const label = profile ? (useAppStore.getState().proxy?.profiles.find((p) => p.id === profile)?.label ?? profile) : null
      patch(
        profile
          ? { target: { kind: 'profile', profile }, problem: { kind: 'note', text: `target switched to ${label}: the key goes to the gateway that issued it` } }
          : { problem: { kind: 'note', text: 'pick the upstream that issued this key in Target (sk- keys: pay-as-you-go; tp- keys: their Token Plan cluster)' } },
        id
      )
      return
    }
    if (ed.readOnly) return patch({ problem: { kind: 'error', text: `${fixId}: ${ed.readOnly}` } }, id)
    patch({ busy: true }, id)
    try {
      const api = getApi()
    landed(id, await (pausedRequest(ed) ? api['breakpoints:apply-fix'] : api['replay:apply-fix'])({ id, fixId, body: docText() }))
    } catch (err) {
      const text = message(err)
      patch({ problem: { kind: 'error', text: text.startsWith(fixId) ? text : `${fixId}: ${text}` } }, id)
    } finally {
      patch({ busy: false }, id)
    }
  })
}

export type TimelineEdit =
  | { kind: 'delete-message'; message: TimelineMessage }
  | { kind: 'delete-block'; message: TimelineMessage; position: number }
  | { kind: 'move-block'; message: TimelineMessage; position: number; by: -1 | 1 }
  | { kind: 'set-text'; message: TimelineMessage; position: number; text: string }
  | { kind: 'toggle-thinking' }

/** A structured action from the timeline (which shows the analysed request), applied to the editor's text. */
export async function timelineEdit(edit: TimelineEdit): Promise<void> {
  const s = useAppStore.getState()
  const id = s.analysisId
  const view = s.requestView.status === 'ready' && s.requestView.key === id ? s.requestView.value : null
  if (!id || !view) return
  if (s.editor?.exchangeId !== id || s.editor.status !== 'ready') {
    if (!(await openEditor(id))) return
  }
  return serialize(async () => {
    const ed = useAppStore.getState().editor
    if (!ed || ed.exchangeId !== id || ed.status !== 'ready') return
    const patch = useAppStore.getState().patchEditor
    if (ed.readOnly) return patch({ problem: { kind: 'error', text: ed.readOnly } }, id)
    let plan: Plan
    try {
      if (edit.kind === 'toggle-thinking') plan = { op: { op: 'toggle-thinking' }, model: ed.model }
      else {
        plan =
          edit.kind === 'delete-message'
            ? planDeleteMessage(ed.model, edit.message)
            : edit.kind === 'delete-block'
              ? planDeleteBlock(ed.model, view.protocol, edit.message, edit.position)
              : edit.kind === 'move-block'
                ? planMoveBlock(ed.model, view.protocol, edit.message, edit.position, edit.by)
                : planSetText(ed.model, view.protocol, edit.message, edit.position, edit.text)
        let body: unknown
        try {
          body = JSON.parse(docText())
        } catch {
          throw new EditPlanError("the editor's text is not valid JSON right now: fix it first")
        }
        const problem = shapeProblem(ed.model, view.protocol, body, edit.message)
        if (problem) throw new EditPlanError(problem)
      }
    } catch (err) {
      return patch({ problem: { kind: 'error', text: message(err) } }, id)
    }
    patch({ busy: true }, id)
    try {
      landed(id, await getApi()['replay:edit']({ id, body: docText(), op: plan.op }), plan.model)
    } catch (err) {
      patch({ problem: { kind: 'error', text: message(err) } }, id)
    } finally {
      patch({ busy: false }, id)
    }
  })
}

/** Back to the original text, headers and target. */
export function resetEditor(): void {
  const ed = useAppStore.getState().editor
  if (!ed || ed.status !== 'ready') return
  drafts.delete(ed.exchangeId)
  setDocText(originalText())
  useAppStore.getState().patchEditor({ changes: [], headers: null, target: ORIGINAL, problem: null, sendError: null, edited: false, model: freshModel(ed.model.messageCount) }, ed.exchangeId)
  refreshPausedFixes(0)
}

/** The CodeMirror document changed (typing, undo): is it still the original? */
export function noteDocChanged(): void {
  const ed = useAppStore.getState().editor
  if (!ed || ed.status !== 'ready') return
  const edited = isEdited()
  if (edited !== ed.edited) useAppStore.getState().patchEditor({ edited }, ed.exchangeId)
  refreshPausedFixes()
}

export function setEditorHeaders(headers: HeaderList | null): void {
  useAppStore.getState().patchEditor({ headers })
}

export function setEditorTarget(target: TargetChoice): void {
  useAppStore.getState().patchEditor({ target, sendError: null })
}

export function setKeyWanted(keyWanted: boolean): void {
  useAppStore.getState().patchEditor({ keyWanted })
}

export function dismissEditorProblem(): void {
  useAppStore.getState().patchEditor({ problem: null })
}

/** The diagnosis chips: open the editor on the analysed request with that fix applied. */
export function fixFromDiagnosis(fixId: string): void {
  const id = useAppStore.getState().analysisId
  if (id) void openEditor(id, { fixId })
}

/** Edit & replay buttons: only requests with a body the core can send again. */
export function canReplay(summary: Pick<ExchangeSummary, 'method'> | undefined): boolean {
  return !!summary && summary.method !== 'GET' && summary.method !== 'HEAD'
}
