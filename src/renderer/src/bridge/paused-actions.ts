// The replay editor on an exchange held at a breakpoint: continue it (edited or as it arrived), answer it with a
// response of one's own, or drop it (`breakpoints:resume`), and notice when it went on without the editor (the
// timeout, its client going away, another window) from `breakpoints:status`. A resume is only ever sent while the
// core lists the exchange as paused; if the core refuses one anyway, its error is shown as it says it.
import type { BreakpointOutcome, BreakpointStatus, PausedExchange } from '@shared/types'
import { getApi } from '../api/get-api'
import { jsonProblem } from '../lib/pretty-body'
import { useAppStore } from '../store/app-store'
import type { PausedEdit } from '../store/replay-slice'
import { docText, isEdited } from './editor-doc'
import { editsSettled } from './replay-editor-actions'
import { sendReplay } from './replay-send-actions'

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))

export type ResumeChoice = NonNullable<PausedEdit['resuming']>

export function pausedEdit(p: PausedExchange): PausedEdit {
  return { phase: p.phase, status: p.status, timeoutAt: p.timeoutAt, resuming: null, ended: null, error: null, answering: false }
}

export function setAnswering(answering: boolean): void {
  const ed = useAppStore.getState().editor
  if (ed?.paused) patchPaused(ed.exchangeId, { answering })
}

/** The pause the core reports for this exchange now, or null (it went on, or it never paused). */
export async function pausedNow(id: string): Promise<PausedExchange | null> {
  const status = await getApi()['breakpoints:status'](null)
  return status.paused.find((p) => p.exchangeId === id) ?? null
}

/** What each choice did, said once the core let the exchange go. */
const DONE: Record<ResumeChoice, string> = {
  continue: 'Continued with your edits: the edited request went upstream.',
  'continue-unedited': 'Continued unedited: the request went upstream as it arrived.',
  answer: 'Answered: the client got your response; nothing went upstream.',
  drop: 'Dropped: the client got no answer and nothing went upstream.'
}
const RESPONSE_DONE: Partial<Record<ResumeChoice, string>> = {
  'continue-unedited': "Continued: the upstream's response went on to the client.",
  answer: "Answered: the client got your response instead of the upstream's."
}

/** An outcome the core recorded on the exchange, for a pause that ended without this editor. */
function outcomeText(outcome: BreakpointOutcome | null | undefined, error: string | null): string | null {
  if (!outcome) return null
  switch (outcome.action) {
    case 'timed-out':
      return 'The timeout continued it unedited (nobody resumed it in time).'
    case 'dropped':
      return error && /client disconnected/i.test(error) ? 'Its client went away while it was paused: nothing more was sent.' : 'It was dropped from elsewhere (another window).'
    default:
      return `It was resumed from elsewhere (another window): ${outcome.action}.`
  }
}

function patchPaused(id: string, patch: Partial<PausedEdit>): void {
  const ed = useAppStore.getState().editor
  if (!ed || ed.exchangeId !== id || !ed.paused) return
  useAppStore.getState().patchEditor({ paused: { ...ed.paused, ...patch } }, id)
}

/** `breakpoints:status` from the core: the editor's exchange no longer listed means its pause ended. */
export function notePausedStatus(status: BreakpointStatus): void {
  const ed = useAppStore.getState().editor
  if (!ed?.paused || ed.paused.ended !== null) return
  const still = status.paused.find((p) => p.exchangeId === ed.exchangeId && p.phase === ed.paused!.phase)
  if (still) {
    if (still.timeoutAt !== ed.paused.timeoutAt) patchPaused(ed.exchangeId, { timeoutAt: still.timeoutAt })
    return
  }
  // Our own resume is in flight: its answer says whether it was ours that let it go.
  if (ed.paused.resuming) return
  // Not ours: say what it most likely was now, then what the recorded exchange says.
  const timedOut = Date.now() >= Date.parse(ed.paused.timeoutAt) - 1000
  endPause(ed.exchangeId, timedOut ? 'The timeout continued it unedited (nobody resumed it in time).' : 'It is no longer paused: it went on without this editor.')
  void explainEnd(ed.exchangeId)
}

function endPause(id: string, text: string): void {
  patchPaused(id, { ended: text, resuming: null, answering: false })
  const ed = useAppStore.getState().editor
  if (ed?.exchangeId === id) useAppStore.getState().patchEditor({ fixIds: [], readOnly: 'no longer paused: the text is shown as it was when the pause ended; "Edit & replay" opens the recorded request to send it again' }, id)
}

/** The core records how the pause went on a moment after it ends: read it back (a few tries). */
async function explainEnd(id: string): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 300))
    const ed = useAppStore.getState().editor
    if (ed?.exchangeId !== id || !ed.paused?.ended) return
    const detail = await getApi()['exchanges:get']({ id }).catch(() => null)
    const text = outcomeText(detail?.summary.breakpoint, detail?.summary.error ?? null)
    if (text) return patchPaused(id, { ended: text })
  }
}

/** Continue (the edited body or as it arrived), answer, or drop the editor's paused exchange. */
export async function resumePaused(choice: ResumeChoice, answer?: { status: string; body: string }): Promise<void> {
  const ed = useAppStore.getState().editor
  if (!ed?.paused || ed.paused.ended !== null || ed.paused.resuming) return
  const id = ed.exchangeId
  let body: string | null = null
  let response: { status: number; headers: Array<[string, string]>; body: string } | null = null
  if (choice === 'continue') {
    await editsSettled()
    if (ed.paused.phase === 'request' && isEdited()) {
      body = docText()
      const problem = ed.isJson ? jsonProblem(body) : null
      if (problem) return patchPaused(id, { error: `the body is not valid JSON (${problem}): fix it, or Continue unedited` })
    } else choice = 'continue-unedited'
  }
  if (choice === 'answer') {
    const status = Number(answer?.status)
    if (!Number.isInteger(status) || status < 100 || status > 599) return patchPaused(id, { error: `status must be a whole number from 100 to 599, not "${answer?.status ?? ''}"` })
    response = { status, headers: [['content-type', 'application/json']], body: answer?.body ?? '' }
  }
  // The pause may have ended while the edits settled.
  const now = useAppStore.getState().editor
  if (now?.exchangeId !== id || !now.paused || now.paused.ended !== null) return
  patchPaused(id, { resuming: choice, error: null })
  let status: BreakpointStatus
  try {
    status = await getApi()['breakpoints:resume']({ id, action: choice === 'answer' ? 'answer' : choice === 'drop' ? 'drop' : 'continue', body, response })
  } catch (err) {
    patchPaused(id, { resuming: null, error: `The inspector refused: ${message(err)}` })
    // It may have gone on meanwhile (the timeout, its client): the status says, and the editor says which.
    void getApi()['breakpoints:status'](null).then(notePausedStatus, () => {})
    return
  }
  const phase = ed.paused.phase
  endPause(id, phase === 'response' ? (RESPONSE_DONE[choice] ?? DONE[choice]) : DONE[choice])
  notePausedStatus(status)
}

/** A response of one's own to start from: an empty answer shaped as the request's format expects. */
export function answerTemplate(protocol: 'anthropic' | 'openai' | 'unknown', model: string | null): string {
  const m = model ?? 'unknown'
  if (protocol === 'anthropic')
    return JSON.stringify({ id: 'msg_breakpoint', type: 'message', role: 'assistant', model: m, content: [{ type: 'text', text: 'Answered at a breakpoint.' }], stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 0, output_tokens: 0 } }, null, 2)
  if (protocol === 'openai')
    return JSON.stringify({ id: 'chatcmpl-breakpoint', object: 'chat.completion', created: 0, model: m, choices: [{ index: 0, message: { role: 'assistant', content: 'Answered at a breakpoint.' }, finish_reason: 'stop' }], usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 } }, null, 2)
  return '{}'
}

/** Ctrl/Cmd+Enter: Send for a recorded request, Continue (with the edits) for a paused one. */
export function primaryAction(): void {
  const ed = useAppStore.getState().editor
  if (!ed?.paused) return void sendReplay()
  if (ed.paused.ended === null) void resumePaused('continue')
}

/** The intercept panel's quick actions: through the editor when it holds this exchange (so it says what happened). */
export async function quickResume(id: string, choice: 'continue-unedited' | 'drop'): Promise<void> {
  const ed = useAppStore.getState().editor
  if (ed?.exchangeId === id && ed.paused && ed.paused.ended === null) {
    await resumePaused(choice)
    const error = useAppStore.getState().editor?.paused?.error
    if (error) throw new Error(error)
    return
  }
  await getApi()['breakpoints:resume']({ id, action: choice === 'drop' ? 'drop' : 'continue', body: null, response: null })
}
