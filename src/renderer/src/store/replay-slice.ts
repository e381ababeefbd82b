import type { StateCreator } from 'zustand'
import type { BodyView, ExchangeDetail, HeaderList, KeyStatus, ReplayStatus, StreamView } from '@shared/types'
import type { EditModel } from '../lib/edit-model'
import type { TargetChoice } from '../lib/replay-target'
import type { AppStore } from './app-store'

/**
 * The replay editor: which request it edits and what the user did to it. The body text itself lives in the
 * CodeMirror document (bridge/editor-doc), never here; typed keys never come here either.
 */
export interface ReplayEditor {
  exchangeId: string
  protocol: 'anthropic' | 'openai' | 'unknown'
  method: string
  path: string
  upstreamUrl: string
  status: 'loading' | 'ready' | 'error'
  loadError: string | null
  /** The body could not be shown whole (cut off, not decoded): editing is off, only the exact original can go. */
  readOnly: string | null
  isJson: boolean
  /** The document differs from the original (so Send passes it instead of null). */
  edited: boolean
  /** EditResult.changes lines of every fix and edit since the original was loaded. */
  changes: string[]
  /** Fix ids the request's diagnosis offers, culprit's first. */
  fixIds: string[]
  /** A fix or edit is being applied by the core. */
  busy: boolean
  /** The last fix or edit that did not apply, or a note (target switched). */
  problem: { kind: 'error' | 'note'; text: string } | null
  recordedHeaders: HeaderList
  /** null while the headers are as recorded. */
  headers: HeaderList | null
  target: TargetChoice
  /** Why a typed key is needed (shown with the key field), or null. */
  keyNeed: string | null
  /** The user asked for the key field (another key for another target). */
  keyWanted: boolean
  sendError: string | null
  /** What the timeline's structured actions did to the document. */
  model: EditModel
  /** Held at a breakpoint: the editor continues, answers or drops it instead of replaying (null: a recorded request). */
  paused: PausedEdit | null
}

/** The exchange the editor holds at a breakpoint, and how that pause ended. */
export interface PausedEdit {
  phase: 'request' | 'response'
  /** A paused response: the upstream's status (its body has not been read). */
  status: number | null
  /** When the core continues it unedited by itself. */
  timeoutAt: string
  /** What the user chose, sent to the core and not answered yet. */
  resuming: 'continue' | 'continue-unedited' | 'answer' | 'drop' | null
  /** null while it waits; once it went on, what happened (by the user, the timeout, its client going away). */
  ended: string | null
  /** The core refused a resume (it went on meanwhile, a bad answer). */
  error: string | null
  /** The answer form is open (it takes the diff's place). */
  answering: boolean
}

export interface ReplayRun {
  replayId: string
  /** The exchange that was replayed. */
  fromId: string
  /** The exchange of the current attempt. */
  exchangeId: string | null
  state: ReplayStatus['state']
  attempt: number
  /** Epoch ms of the next try while waiting after a 429/503. */
  retryAt: number | null
  message: string | null
  /** The body was edited (false: the exact original bytes went). */
  edited: boolean
}

/** The replay's own exchange as it streams in: detail, and its stream view or response body. */
export interface ReplayResultView {
  exchangeId: string
  detail: ExchangeDetail | null
  stream: StreamView | null
  body: BodyView | null
  error: string | null
}

export interface ReplaySlice {
  editor: ReplayEditor | null
  run: ReplayRun | null
  replayResult: ReplayResultView | null
  keyStatus: KeyStatus | null
  /** Between pressing Send and the core's answer (the double-send guard). */
  sending: boolean
  setEditor(editor: ReplayEditor | null): void
  patchEditor(patch: Partial<ReplayEditor>, exchangeId?: string): void
  setRun(run: ReplayRun | null): void
  setReplayResult(result: ReplayResultView | null): void
  setKeyStatus(status: KeyStatus): void
  setSending(sending: boolean): void
}

export const createReplaySlice: StateCreator<AppStore, [], [], ReplaySlice> = (set) => ({
  editor: null,
  run: null,
  replayResult: null,
  keyStatus: null,
  sending: false,
  setEditor: (editor) => set({ editor }),
  patchEditor: (patch, exchangeId) =>
    set((s) => (s.editor && (exchangeId === undefined || s.editor.exchangeId === exchangeId) ? { editor: { ...s.editor, ...patch } } : {})),
  setRun: (run) => set({ run }),
  setReplayResult: (replayResult) => set({ replayResult }),
  setKeyStatus: (keyStatus) => set({ keyStatus }),
  setSending: (sending) => set({ sending })
})
