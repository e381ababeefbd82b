// Every fix by id. Typed by FixId, so a fix id a rule can offer without a fix here fails the build.
import type { FixId } from '../../diagnose/finding'
import { addEmptySignature } from './add-empty-signature'
import { addToolResult } from './add-tool-result'
import { dedupeToolNames } from './dedupe-tool-names'
import { disableThinking } from './disable-thinking'
import { dropEmptyText } from './drop-empty-text'
import { dropOrphanToolResult } from './drop-orphan-tool-result'
import { dropThinking } from './drop-thinking'
import { dropTrailingThinking } from './drop-trailing-thinking'
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
import { useMatchingBaseUrl } from './use-matching-base-url'
import type { Fix } from './types'

export const FIXES: Readonly<Record<FixId, Fix>> = {
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
