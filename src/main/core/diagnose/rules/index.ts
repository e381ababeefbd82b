// Every implemented rule, in catalogue order.
import type { Rule } from '../context'
import { thinkingFirstInToolTurn } from './r01-thinking-first-in-tool-turn'
import { reasoningPassbackMissing } from './r02-reasoning-passback-missing'
import { thinkingSignatureMissing } from './r04-thinking-signature-missing'
import { thinkingTextMissing } from './r05-thinking-text-missing'
import { thinkingSignatureInvalid } from './r06-thinking-signature-invalid'
import { thinkingBlockModified } from './r07-thinking-block-modified'
import { trailingThinkingBlock } from './r08-trailing-thinking-block'
import { thinkingWhenDisabled } from './r09-thinking-when-disabled'
import { cacheControlOnThinking } from './r11-cache-control-on-thinking'
import { budgetBelowMaxTokens } from './r12-budget-lt-max-tokens'
import { budgetMin1024 } from './r13-budget-min-1024'
import { samplingWithThinking } from './r14-sampling-with-thinking'
import { forcedToolChoiceWithThinking } from './r15-forced-tool-choice-with-thinking'
import { toolUseWithoutResult } from './r17-tool-use-without-result'
import { toolResultWithoutUse } from './r18-tool-result-without-use'
import { toolCallIdHygiene } from './r19-tool-call-id-hygiene'
import { toolMessageShape } from './r20-tool-message-shape'
import { duplicateToolNames } from './r21-duplicate-tool-names'
import { emptyTextBlock } from './r23-empty-text-block'
import { cacheControlLimit } from './r24-cache-control-limit'
import { cacheControlEmptyText } from './r25-cache-control-empty-text'
import { systemRoleInMessages } from './r26-system-role-in-messages'
import { authKeyGatewayMismatch } from './r30-auth-key-gateway-mismatch'
import { rateOrQuota } from './r31-rate-or-quota'
import { contentFilter } from './r32-content-filter'
import { turnDiffersFromResponse } from './n01-turn-differs-from-response'
import { thinkingTypeUnknown } from './n02-thinking-type-unknown'

export const RULES: readonly Rule[] = [
  thinkingFirstInToolTurn,
  reasoningPassbackMissing,
  thinkingSignatureMissing,
  thinkingTextMissing,
  thinkingSignatureInvalid,
  thinkingBlockModified,
  trailingThinkingBlock,
  thinkingWhenDisabled,
  cacheControlOnThinking,
  budgetBelowMaxTokens,
  budgetMin1024,
  samplingWithThinking,
  forcedToolChoiceWithThinking,
  toolUseWithoutResult,
  toolResultWithoutUse,
  toolCallIdHygiene,
  toolMessageShape,
  duplicateToolNames,
  emptyTextBlock,
  cacheControlLimit,
  cacheControlEmptyText,
  systemRoleInMessages,
  authKeyGatewayMismatch,
  rateOrQuota,
  contentFilter,
  turnDiffersFromResponse,
  thinkingTypeUnknown
]
