// The one analysed request: its timeline (request view), its diagnosis (or lint) and its turn diff. Only the
// request the visible view shows is held: the open conversation's chosen request, or the open exchange while
// its Diagnosis tab is up.
import type { Diagnosis, ExchangeSummary } from '@shared/types'
import { getApi } from '../api/get-api'
import { isFailedRequest } from '../lib/format'
import { useAppStore } from '../store/app-store'

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err))

let token = 0
let nonce = 0
/** What the analysed request looked like when it was loaded; a change (it finished, it failed) reloads it. */
let loadedAs: string | null = null

const stateKey = (s: Pick<ExchangeSummary, 'state' | 'status' | 'bodyError'>): string =>
  `${s.state}|${s.status ?? ''}|${s.bodyError ?? ''}`

/** The freshest summary the renderer knows for an exchange. */
export function knownSummary(id: string): ExchangeSummary | undefined {
  const s = useAppStore.getState()
  const live = s.byId.get(id)
  const fromConversation =
    s.conversation.status === 'ready' ? s.conversation.value?.exchanges.find((e) => e.id === id) : undefined
  if (live && fromConversation) return stateKey(live) === stateKey(fromConversation) ? live : pickFinal(live, fromConversation)
  return live ?? fromConversation ?? (s.detail.status === 'ready' && s.detail.value?.summary.id === id ? s.detail.value.summary : undefined)
}

const FINAL = new Set(['completed', 'failed', 'aborted'])
function pickFinal(a: ExchangeSummary, b: ExchangeSummary): ExchangeSummary {
  if (FINAL.has(a.state) !== FINAL.has(b.state)) return FINAL.has(a.state) ? a : b
  return a.responseSize >= b.responseSize ? a : b
}

function wantedId(): string | null {
  const s = useAppStore.getState()
  if (s.mainView === 'conversations') return s.conversationId !== null ? s.requestId : null
  return s.openId !== null && s.tab === 'diagnosis' ? s.openId : null
}

/** Load what the visible view needs, drop what it no longer shows. Call after anything that changes it. */
export function syncAnalysis(): void {
  const id = wantedId()
  const s = useAppStore.getState()
  if (id === s.analysisId) {
    if (id !== null && s.requestView.status === 'error') void load(id, false)
    return
  }
  if (id === null) {
    token++
    loadedAs = null
    s.setAnalysisId(null)
    return
  }
  void load(id, false)
}

/** A summary changed (live event, refreshed conversation): reload the analysis if it is the analysed one. */
export function noteSummaries(items: readonly ExchangeSummary[]): void {
  const id = useAppStore.getState().analysisId
  if (id === null || loadedAs === null) return
  const item = items.find((e) => e.id === id)
  if (item && FINAL.has(item.state) && stateKey(item) !== loadedAs) void load(id, true)
}

async function load(id: string, refresh: boolean): Promise<void> {
  const my = ++token
  const current = (): boolean => my === token && useAppStore.getState().analysisId === id
  const summary = knownSummary(id)
  // Unknown yet (an import whose event is still on its way): the first final summary reloads once.
  loadedAs = summary ? stateKey(summary) : ''
  const s = useAppStore.getState()
  // A refresh keeps the old answers on screen until the new ones arrive.
  if (!refresh) {
    s.setAnalysisId(id)
    s.setRequestView({ key: id, status: 'loading' })
    s.setDiagnosis({ key: id, status: 'loading' })
  }
  const api = getApi()
  const view = api['exchanges:request-view']({ id }).then(
    (value) => current() && useAppStore.getState().setRequestView({ key: id, status: 'ready', value }),
    (err) => current() && useAppStore.getState().setRequestView({ key: id, status: 'error', error: message(err) })
  )
  let diagnosis: Diagnosis | null = null
  try {
    diagnosis = await api['exchanges:diagnose']({ id })
    if (!current()) return
    const before = useAppStore.getState().diagnosis
    const previous = before.status === 'ready' ? before.value : null
    useAppStore.getState().setDiagnosis({ key: id, status: 'ready', value: diagnosis })
    const culprit = diagnosis?.culprit
    if (culprit && !(refresh && sameCulprit(previous, diagnosis))) focusMessage(culprit.messageIndex, culprit.blockIndex)
  } catch (err) {
    if (!current()) return
    useAppStore.getState().setDiagnosis({ key: id, status: 'error', error: message(err) })
  }
  const failed = (diagnosis?.error ?? null) !== null || (summary !== undefined && isFailedRequest(summary))
  if (failed) await loadTurnDiff(id, current, refresh)
  else if (current()) useAppStore.getState().setTurnDiff({ key: null, status: 'idle' })
  await view
}

function sameCulprit(a: Diagnosis | null, b: Diagnosis | null): boolean {
  const x = a?.culprit
  const y = b?.culprit
  return !!x && !!y && x.messageIndex === y.messageIndex && x.blockIndex === y.blockIndex && x.rule === y.rule
}

async function loadTurnDiff(id: string, current: () => boolean, refresh: boolean): Promise<void> {
  if (!refresh) useAppStore.getState().setTurnDiff({ key: id, status: 'loading' })
  try {
    const value = await getApi()['exchanges:turn-diff']({ id })
    if (current()) useAppStore.getState().setTurnDiff({ key: id, status: 'ready', value })
  } catch (err) {
    if (current()) useAppStore.getState().setTurnDiff({ key: id, status: 'error', error: message(err) })
  }
}

/** Scroll the timeline to a message (and block) and mark it. */
export function focusMessage(messageIndex: number, blockIndex: number | null): void {
  useAppStore.getState().setTarget({ messageIndex, blockIndex, nonce: ++nonce })
}

/** `n`: back to the culprit, or the first finding that points at a message. False when there is none. */
export function jumpToCulprit(): boolean {
  const d = useAppStore.getState().diagnosis
  if (d.status !== 'ready' || !d.value) return false
  const culprit = d.value.culprit
  if (culprit) {
    focusMessage(culprit.messageIndex, culprit.blockIndex)
    return true
  }
  const first = d.value.findings.find((f) => f.messageIndex !== null)
  if (!first || first.messageIndex === null) return false
  focusMessage(first.messageIndex, first.blockIndex)
  return true
}
