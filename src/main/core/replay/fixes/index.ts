// The fixes a finding offers (Finding.fixIds), by id. `applyFix` parses the editor's text, lets the fix
// change it and prints it back (2 spaces); it throws FixError when the fix does not apply.
import type { EditResult } from '../../../../shared/types'
import type { FixId } from '../../diagnose/finding'
import { addEmptySignature } from './add-empty-signature'
import { addToolResult } from './add-tool-result'
import { parseBody, pretty } from './body'
import { dedupeToolNames } from './dedupe-tool-names'
import { disableThinking } from './disable-thinking'
import { dropEmptyText } from './drop-empty-text'
import { dropOrphanToolResult } from './drop-orphan-tool-result'
import { dropThinking } from './drop-thinking'
import { dropTrailingThinking } from './drop-trailing-thinking'
import { FixError } from './fix-error'
import { flattenToolContent } from './flatten-tool-content'
import { foldSystemMessages } from './fold-system-messages'
import { nullContentToEmpty } from './null-content-to-empty'
import { placeholderReasoning } from './placeholder-reasoning'
import { removeCacheControl } from './remove-cache-control'
import { removeSamplingParams } from './remove-sampling-params'
import { restoreReasoningContent } from './restore-reasoning-content'
import { restoreThinking } from './restore-thinking'
import { textToThinking } from './text-to-thinking'
import { toolChoiceAuto } from './tool-choice-auto'
import type { Fix, FixInput } from './types'
import { useMatchingBaseUrl } from './use-matching-base-url'

export { FixError } from './fix-error'
export { PLACEHOLDER_REASONING } from './placeholder-reasoning'
export { CANCELLED } from './add-tool-result'
export { USE_MATCHING_BASE_URL } from './use-matching-base-url'
export type { FixInput, FixProtocol } from './types'

// Typed by FixId, so a fix id a rule can offer without a fix here fails the build.
const FIXES: Readonly<Record<FixId, Fix>> = {
  'restore-thinking': restoreThinking,
  'text-to-thinking': textToThinking,
  'add-empty-signature': addEmptySignature,
  'restore-reasoning-content': restoreReasoningContent,
  'placeholder-reasoning': placeholderReasoning,
  'disable-thinking': disableThinking,
  'drop-thinking': dropThinking,
  'add-tool-result': addToolResult,
  'drop-orphan-tool-result': dropOrphanToolResult,
  'drop-empty-text': dropEmptyText,
  'fold-system-messages': foldSystemMessages,
  'dedupe-tool-names': dedupeToolNames,
  'null-content-to-empty': nullContentToEmpty,
  'flatten-tool-content': flattenToolContent,
  'drop-trailing-thinking': dropTrailingThinking,
  'remove-cache-control': removeCacheControl,
  'remove-sampling-params': removeSamplingParams,
  'tool-choice-auto': toolChoiceAuto,
  'use-matching-base-url': useMatchingBaseUrl
}

export const FIX_IDS = Object.keys(FIXES) as FixId[]

export function isFixId(id: string): id is FixId {
  return Object.hasOwn(FIXES, id)
}

const FORMAT = { anthropic: 'Anthropic', openai: 'OpenAI' } as const

export function applyFix(fixId: string, input: FixInput): EditResult {
  if (!isFixId(fixId)) throw new FixError(`unknown fix "${fixId}"`, fixId)
  const fix = FIXES[fixId]
  if (!fix.protocols.includes(input.protocol)) {
    throw new FixError(`${fixId} applies to ${fix.protocols.map((p) => FORMAT[p]).join(' and ')} requests only, this one is ${FORMAT[input.protocol]}`, fixId)
  }
  const body = parseBody(input.bodyText)
  let changes: string[]
  try {
    changes = fix.apply(body, { protocol: input.protocol, finding: input.finding ?? null, replies: input.replies })
  } catch (err) {
    if (err instanceof FixError && err.fixId === null) throw new FixError(err.message, fixId)
    throw err
  }
  if (changes.length === 0) throw new FixError(`${fixId}: nothing to change in this request`, fixId)
  return { body: pretty(body), changes }
}
