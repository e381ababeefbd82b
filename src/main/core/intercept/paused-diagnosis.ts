// The diagnosis of a request held at a breakpoint, before it is recorded: the lint of what would be sent (a
// repair rule's patch included), with the evidence of the conversation it continues, so the culprit and its
// fixes show while the agent waits.
import type { Diagnosis } from '../../../shared/types'
import type { Analysis } from '../analysis'
import type { ExchangeReader } from '../capture/exchange-reader'
import { isRecord } from '../protocols/json'
import { liveContext, type LiveContextDeps } from '../repair/live-context'

export async function pausedDiagnosis(id: string, reader: ExchangeReader, analysis: Analysis, deps: LiveContextDeps): Promise<Diagnosis | null> {
  const live = await reader.liveRequestJson(id)
  const detail = reader.detail(id)
  if (!live || !detail || !isRecord(live.body)) return null
  return analysis.liveDiagnosis(detail.summary, detail.request.headers, live.body, liveContext(live.body, deps).evidence)
}
