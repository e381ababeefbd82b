// Building findings: the catalogue supplies number and sources, the rule the rest. Severity follows one
// policy: error when the provider in use is known to reject the shape, warning when only others do or the
// rule is an inference, info when the provider accepts it silently (MiMo forcing sampling defaults).
import type { Finding, FindingEvidence, Severity } from '../../../shared/types'
import { ruleInfo, type RuleId } from './catalogue'
import type { Provider } from './context'

export type FixId =
  | 'restore-thinking'
  | 'text-to-thinking'
  | 'add-empty-signature'
  | 'restore-reasoning-content'
  | 'placeholder-reasoning'
  | 'disable-thinking'
  | 'add-tool-result'
  | 'drop-orphan-tool-result'
  | 'drop-empty-text'
  | 'fold-system-messages'
  | 'dedupe-tool-names'
  | 'null-content-to-empty'
  | 'flatten-tool-content'
  | 'drop-trailing-thinking'
  | 'remove-cache-control'
  | 'remove-sampling-params'
  | 'tool-choice-auto'
  | 'use-matching-base-url'
  // Beyond the agreed set: thinking that must go (foreign signature R06, thinking while disabled R09).
  | 'drop-thinking'

export interface FindingInput {
  severity: Severity
  messageIndex?: number | null
  blockIndex?: number | null
  path?: string | null
  message: string
  fix: string
  fixIds: readonly FixId[]
  /** The recorded response the finding was judged against (evidence/), when there is one. */
  evidence?: FindingEvidence | null
}

export function finding(rule: RuleId, input: FindingInput): Finding {
  const info = ruleInfo(rule)
  return {
    rule,
    ref: info.ref,
    severity: input.severity,
    messageIndex: input.messageIndex ?? null,
    blockIndex: input.blockIndex ?? null,
    path: input.path ?? null,
    message: input.message,
    fix: input.fix,
    fixIds: [...input.fixIds],
    sources: [...info.sources],
    matchesError: false,
    evidence: input.evidence ?? null
  }
}

/** error when `provider` is among those known to enforce the rule, else warning. */
export function severityFor(provider: Provider, enforcedBy: readonly Provider[]): Severity {
  return enforcedBy.includes(provider) ? 'error' : 'warning'
}

const NAMES: Record<Provider, string> = {
  mimo: 'MiMo',
  anthropic: 'Anthropic',
  deepseek: 'DeepSeek',
  kimi: 'Kimi',
  zhipu: 'Zhipu',
  dashscope: 'DashScope',
  openai: 'OpenAI',
  other: 'the endpoint'
}

export function providerName(provider: Provider): string {
  return NAMES[provider]
}

export function blockPath(messageIndex: number, blockIndex: number): string {
  return `messages[${messageIndex}].content[${blockIndex}]`
}
