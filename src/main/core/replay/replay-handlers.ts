// Edit and replay: one-click fixes and structured edits on the editor's text, sending, cancelling, keys.
import type { Analysis } from '../analysis'
import { asArgError, knownProtocol, requireRecord, type Handlers } from '../handler-kit'
import type { Protocol } from '../../../shared/types'
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
  /** The format of an exchange still in flight (held at a breakpoint); undefined when none is. */
  liveProtocol?: (id: string) => Protocol | undefined
}

export function replayHandlers({ store, analysis, replayer, keys, liveProtocol }: ReplayHandlerDeps): Handlers<
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
      // A request held at a breakpoint is edited before it is recorded: its format is known from memory.
      const protocol = store.get(id)?.summary.protocol ?? liveProtocol?.(id) ?? requireRecord(store, id).summary.protocol
      return asArgError(() => applyEdit(knownProtocol(protocol), body, op))
    },
    'replay:send': async (req) => asArgError(() => replayer.start(req)),
    'replay:cancel': async ({ replayId }) => ({ cancelled: replayer.cancel(replayId) }),
    'keys:set': async ({ key, remember }) => keys.add(key, remember),
    'keys:status': async () => keys.status()
  }
}
