// Minimize a failing request (jobs with progress) and export the repro bundle.
import type { Analysis } from '../analysis'
import type { ConversationList } from '../conversation-list'
import { ApiArgError } from '../../../shared/api'
import { asArgError, requireRecord, type Handlers } from '../handler-kit'
import type { Store } from '../store/store'
import { buildBundle, zipBundle } from './export/bundle'
import { conversationFromStore, exchangeFromRecord } from './export/from-record'
import type { MinimizeJobs } from './minimize-jobs'

export interface ReproHandlerDeps {
  store: Store
  analysis: Analysis
  conversations: ConversationList
  minimizer: MinimizeJobs
  version: string
}

export function reproHandlers({ store, analysis, conversations, minimizer, version }: ReproHandlerDeps): Handlers<'repro:minimize' | 'repro:cancel' | 'repro:export'> {
  return {
    'repro:minimize': async ({ id, mode, budget, target, key }) => {
      const record = requireRecord(store, id)
      return asArgError(() =>
        minimizer.start({ record, body: analysis.requestJson(record), responseText: analysis.responseText(record), diagnosis: analysis.diagnosis(record), mode, budget, target, key })
      )
    },
    'repro:cancel': async ({ jobId }) => ({ cancelled: minimizer.cancel(jobId) }),
    'repro:export': async ({ id, jobId, minimalBody, removed, minimizedBy }) => {
      const record = requireRecord(store, id)
      if (jobId) {
        // The bytes the run proved: never a body the UI parsed and printed again.
        const job = minimizer.result(jobId)
        if (!job || job.exchangeId !== id) throw new ApiArgError(`no finished minimize run ${jobId} of exchange ${id} (it is still running, or was forgotten: run it again)`)
        ;({ requestText: minimalBody, removed, mode: minimizedBy } = job.outcome)
      }
      const members = record.summary.conversationId ? conversations.exchanges(record.summary.conversationId) : []
      const files = buildBundle({
        exchange: exchangeFromRecord(store, record),
        minimalBody,
        removed,
        minimizedBy,
        diagnosis: analysis.diagnosis(record),
        conversation: conversationFromStore(store, members, record),
        toolVersion: version
      })
      const stamp = record.summary.startedAt.replace(/[:.]/g, '-').slice(0, 19)
      // The minimal and the original bundle of one request get different names: both are often saved side by side.
      return { fileName: `mimo-repro-${stamp}${minimalBody !== null ? '-minimal' : ''}.zip`, zipBase64: Buffer.from(zipBundle(files)).toString('base64'), files: Object.keys(files) }
    }
  }
}
