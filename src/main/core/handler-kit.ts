// What every group of handlers shares: the typed slice of the contract it implements, and how errors the user
// can act on (a fix that does not apply, a missing key, an unknown id) reach the UI as bad-input errors.
import { ApiArgError, type CallName, type InspectorHandlers } from '../../shared/api'
import type { Protocol } from '../../shared/types'
import type { ExchangeRecord } from './store/record'
import type { Store } from './store/store'
import { EditError } from './replay/edits'
import { FixError } from './replay/fixes'
import { MissingKeyError } from './replay/replay-headers'
import { ReplayError } from './replay/replayer'
import { MinimizeError } from './repro/minimize-jobs'

/** The handlers for some calls of the contract; the inspector spreads the groups into the full map. */
export type Handlers<K extends CallName> = Pick<InspectorHandlers, K>

export function requireRecord(store: Store, id: string): ExchangeRecord {
  const record = store.get(id)
  if (!record) throw new ApiArgError(`no recorded exchange ${id}`)
  return record
}

export function knownProtocol(protocol: Protocol): 'anthropic' | 'openai' {
  if (protocol === 'unknown') throw new ApiArgError('this exchange is not an Anthropic or OpenAI chat request')
  return protocol
}

export function asArgError<T>(fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    if (err instanceof FixError || err instanceof EditError || err instanceof MissingKeyError || err instanceof ReplayError || err instanceof MinimizeError) throw new ApiArgError(err.message)
    throw err
  }
}
