// Sending the editor's request (`replay:send`), following its status events and its exchange as it streams in,
// and cancelling it. One replay at a time from the UI; the core also refuses the same one twice.
import type { ReplayStatus } from '@shared/types'
import { getApi } from '../api/get-api'
import { jsonProblem } from '../lib/pretty-body'
import { toReplayTarget } from '../lib/replay-target'
import { useAppStore } from '../store/app-store'
import type { ReplayRun } from '../store/replay-slice'
import { docText, isEdited, originalText } from './editor-doc'
import { editsSettled } from './replay-editor-actions'
import { takeTypedKey } from './typed-keys'

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))
const ACTIVE = new Set<ReplayRun['state']>(['sending', 'waiting-retry'])
const FINAL = new Set(['completed', 'failed', 'aborted'])
const POLL_MS = 250

export const isRunActive = (run: ReplayRun | null): boolean => !!run && ACTIVE.has(run.state)

/** The two bodies each replay is compared by: the original as loaded and what was sent. */
const sent = new Map<string, { original: string; sent: string }>()
export function sentBodies(replayId: string): { original: string; sent: string } | undefined {
  return sent.get(replayId)
}

/** Status events that arrived before `replay:send` answered (the first one is sent while it runs). */
const early = new Map<string, ReplayStatus>()

export async function sendReplay(): Promise<void> {
  const s = useAppStore.getState()
  const ed = s.editor
  if (!ed || ed.status !== 'ready' || s.sending || isRunActive(s.run)) return
  const id = ed.exchangeId
  s.setSending(true)
  s.patchEditor({ sendError: null }, id)
  try {
    await editsSettled()
    const now = useAppStore.getState().editor
    if (!now || now.exchangeId !== id) return
    const edited = isEdited()
    const text = docText()
    if (edited && now.isJson) {
      const problem = jsonProblem(text)
      if (problem) throw new Error(`the body is not valid JSON (${problem}): fix it, or Reset to the original`)
    }
    const target = toReplayTarget(now.target)
    const key = await takeTypedKey('replay')
    const started = await getApi()['replay:send']({ id, body: edited ? text : null, headers: now.headers, target, key })
    sent.set(started.replayId, { original: originalText(), sent: edited ? text : originalText() })
    while (sent.size > 6) sent.delete(sent.keys().next().value as string)
    useAppStore.getState().setReplayResult(null)
    useAppStore.getState().setRun({ replayId: started.replayId, fromId: id, exchangeId: null, state: 'sending', attempt: 1, retryAt: null, message: null, edited })
    useAppStore.getState().patchEditor({ keyNeed: null, keyWanted: false }, id)
    const first = early.get(started.replayId)
    early.clear()
    if (first) noteReplayStatus(first)
  } catch (err) {
    const text = message(err)
    useAppStore.getState().patchEditor({ sendError: text, ...(/\bkey\b/i.test(text) && /type it|not seen|no key/i.test(text) ? { keyNeed: text } : {}) }, id)
  } finally {
    useAppStore.getState().setSending(false)
  }
}

export async function cancelReplay(): Promise<void> {
  const run = useAppStore.getState().run
  if (!run || !isRunActive(run)) return
  try {
    await getApi()['replay:cancel']({ replayId: run.replayId })
  } catch (err) {
    useAppStore.getState().patchEditor({ sendError: `cancel: ${message(err)}` })
  }
}

/** `replay:status` from the core. */
export function noteReplayStatus(status: ReplayStatus): void {
  const run = useAppStore.getState().run
  if (!run || run.replayId !== status.replayId) {
    early.set(status.replayId, status)
    while (early.size > 10) early.delete(early.keys().next().value as string)
    return
  }
  const next: ReplayRun = {
    ...run,
    state: status.state,
    attempt: status.attempt,
    exchangeId: status.exchangeId ?? run.exchangeId,
    message: status.message,
    retryAt: status.retryInMs !== null ? Date.now() + status.retryInMs : null
  }
  useAppStore.getState().setRun(next)
  if (next.exchangeId && next.exchangeId !== followed) void follow(next.exchangeId)
  else if (!ACTIVE.has(next.state) && next.exchangeId) void follow(next.exchangeId)
}

let followed: string | null = null
let followToken = 0

/** Poll the replay's exchange while it is in flight (its stream grows), then once more when it ended. */
async function follow(exchangeId: string): Promise<void> {
  const my = ++followToken
  followed = exchangeId
  const api = getApi()
  for (;;) {
    if (my !== followToken) return
    let final = false
    try {
      const detail = await api['exchanges:get']({ id: exchangeId })
      let stream = null
      let body = null
      if (detail?.response) {
        const isStream = /event-stream/i.test(detail.response.contentType ?? '') || detail.summary.stream
        if (isStream) stream = await api['exchanges:stream']({ id: exchangeId })
        if (!stream) body = await api['exchanges:body']({ id: exchangeId, part: 'response' })
      }
      if (my !== followToken) return
      useAppStore.getState().setReplayResult({ exchangeId, detail, stream, body, error: null })
      final = !detail || FINAL.has(detail.summary.state)
    } catch (err) {
      if (my !== followToken) return
      const prev = useAppStore.getState().replayResult
      useAppStore.getState().setReplayResult({ exchangeId, detail: prev?.exchangeId === exchangeId ? prev.detail : null, stream: null, body: null, error: message(err) })
    }
    if (final) {
      followed = null
      return
    }
    await new Promise((r) => setTimeout(r, POLL_MS))
  }
}
