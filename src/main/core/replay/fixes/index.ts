// The fixes a finding offers (Finding.fixIds), by id. `applyFix` parses the editor's text, lets the fix
// change it and prints it back (2 spaces); it throws FixError when the fix does not apply.
import type { EditResult } from '../../../../shared/types'
import type { RequestEvidence } from '../../evidence/match'
import { listEvidence } from '../../evidence/list-evidence'
import type { JsonRecord } from '../../protocols/json'
import { parseBody, pretty } from './body'
import { FixError } from './fix-error'
import { FIXES, isFixId } from './registry'
import type { FixInput } from './types'

export { FixError } from './fix-error'
export { PLACEHOLDER_REASONING } from './placeholder-reasoning'
export { CANCELLED } from './add-tool-result'
export { USE_MATCHING_BASE_URL } from './use-matching-base-url'
export type { EvidenceFinder, FixInput, FixProtocol } from './types'
export { FIX_IDS, isFixId } from './registry'
export { keepApplicableFixes } from './applicable'

const FORMAT = { anthropic: 'Anthropic', openai: 'OpenAI' } as const

/** Looked up once, on first use, before the fix changes the body. */
function evidenceFor(body: JsonRecord, input: FixInput): () => RequestEvidence {
  let found: RequestEvidence | null = null
  return () => (found ??= input.evidence ? input.evidence(body) : listEvidence(body, input.replies ?? []))
}

export function applyFix(fixId: string, input: FixInput): EditResult {
  if (!isFixId(fixId)) throw new FixError(`unknown fix "${fixId}"`, fixId)
  const fix = FIXES[fixId]
  if (!fix.protocols.includes(input.protocol)) {
    throw new FixError(`${fixId} applies to ${fix.protocols.map((p) => FORMAT[p]).join(' and ')} requests only, this one is ${FORMAT[input.protocol]}`, fixId)
  }
  const body = parseBody(input.bodyText)
  let changes: string[]
  try {
    changes = fix.apply(body, { protocol: input.protocol, finding: input.finding ?? null, evidence: evidenceFor(body, input) })
  } catch (err) {
    if (err instanceof FixError && err.fixId === null) throw new FixError(err.message, fixId)
    throw err
  }
  if (changes.length === 0) throw new FixError(`${fixId}: nothing to change in this request`, fixId)
  return { body: pretty(body), changes }
}
