// Edit and replay: one-click fixes and structured edits on the editor's text, sending, cancelling, keys.
import type { Analysis } from '../analysis'
import { asArgError, knownProtocol, requireRecord, type Handlers } from '../handler-kit'
import type { Store } from '../store/store'
import { applyEdit } from './edits'
import { applyFix } from './fixes'
import type { KeyVault } from './key-vault'
import type { Replayer } from './replayer'

export interface ReplayHandlerDeps {
  store: Store
  analysis: Analysis
  replayer: Replayer
  keys: KeyVault
}

export function replayHandlers({ store, analysis, replayer, keys }: ReplayHandlerDeps): Handlers<
  'replay:apply-fix' | 'replay:edit' | 'replay:send' | 'replay:cancel' | 'keys:set' | 'keys:status'
> {
  return {
    'replay:apply-fix': async ({ id, fixId, body }) => {
      const record = requireRecord(store, id)
      const protocol = knownProtocol(record.summary.protocol)
      const finding = analysis.diagnosis(record)?.findings.find((f) => f.fixIds.includes(fixId))
      return asArgError(() => applyFix(fixId, { protocol, bodyText: body, finding, evidence: analysis.finder(record) }))
    },
    'replay:edit': async ({ id, body, op }) => {
      const record = requireRecord(store, id)
      return asArgError(() => applyEdit(knownProtocol(record.summary.protocol), body, op))
    },
    'replay:send': async (req) => asArgError(() => replayer.start(req)),
    'replay:cancel': async ({ replayId }) => ({ cancelled: replayer.cancel(replayId) }),
    'keys:set': async ({ key, remember }) => keys.add(key, remember),
    'keys:status': async () => keys.status()
  }
}
