// How much an error text supports each rule. A wording of the dialect table names its rule outright; a
// wording the table does not know still speaks of a subject (tool results, reasoning, empty content, cache
// control…), and the rules about that subject get weaker support. A rule the text does not speak of gets
// none: it may sit on the very message the error names and still not be why it failed. The provider
// wordings themselves live in dialects/; these are subjects, not wordings.
import type { UnwrappedError } from '../../../shared/types'
import type { RuleId } from './catalogue'
import { errorDialectById } from './dialects'

/** The dialect row names this rule. */
export const NAMED = 3
/** The text speaks of this rule's subject. */
export const ABOUT = 2

interface Subject {
  words: RegExp
  rules: readonly RuleId[]
}

const TOOL_PAIRING: readonly RuleId[] = ['anthropic.tool-use-without-result', 'anthropic.tool-result-without-use', 'compat.tool-call-id-hygiene']
const EMPTY: readonly RuleId[] = ['anthropic.empty-text-block', 'mimo.tool-message-shape', 'anthropic.cache-control-empty-text']

const SUBJECTS: readonly Subject[] = [
  { words: /tool_use|tool_result|tool_call|tool[ _]call|toolResult|toolUse|tool messages?|role ["'“”]?tool|function[ _]call/i, rules: TOOL_PAIRING },
  { words: /reasoning|thinking|思考|推理/i, rules: ['compat.reasoning-passback-missing', 'anthropic.thinking-first-in-tool-turn', 'deepseek-reasoner.reasoning-content-forbidden', 'anthropic.thinking-block-modified', 'anthropic.trailing-thinking-block', 'anthropic.thinking-when-disabled'] },
  { words: /signature/i, rules: ['anthropic.thinking-signature-missing', 'anthropic.thinking-signature-invalid'] },
  { words: /empty|non-whitespace|at least one|不能为空|为空|required field|length must be greater than 0|must not be blank/i, rules: EMPTY },
  { words: /`text`|\btext\b.*\b(present|set)\b/i, rules: ['mimo.tool-message-shape'] },
  { words: /\bsystem\b/i, rules: ['mimo.system-role-in-messages'] },
  { words: /cache_control/i, rules: ['anthropic.cache-control-on-thinking', 'anthropic.cache-control-limit', 'anthropic.cache-control-empty-text'] },
  { words: /tool_choice/i, rules: ['compat.forced-tool-choice-with-thinking'] },
  { words: /temperature|top_p|top_k/i, rules: ['anthropic.sampling-with-thinking'] },
  { words: /budget_tokens/i, rules: ['anthropic.budget-lt-max-tokens', 'anthropic.budget-min-1024'] },
  { words: /duplicate (tool )?names?|重复/i, rules: ['mimo.duplicate-tool-names'] },
  // "The messages parameter is illegal", "messages 参数非法": the shape of the history, nothing more precise.
  { words: /messages?\b.*(illegal|invalid|非法|有误)|(illegal|invalid).*\bmessages?\b/i, rules: [...TOOL_PAIRING, ...EMPTY, 'mimo.system-role-in-messages'] }
]

/** Rules the error supports, with the weight of that support. */
export function supportFor(error: UnwrappedError): Map<RuleId, number> {
  const support = new Map<RuleId, number>()
  const dialect = errorDialectById(error.dialect)
  if (dialect?.rule) support.set(dialect.rule, NAMED)
  else {
    const text = `${error.message}\n${error.genericMessage ?? ''}`
    for (const s of SUBJECTS) if (s.words.test(text)) for (const rule of s.rules) if (!support.has(rule)) support.set(rule, ABOUT)
  }
  // MiMo's error-codes page names the cause of these statuses.
  if (error.status === 401) support.set('mimo.auth-key-gateway-mismatch', NAMED)
  if (error.status === 429) support.set('mimo.rate-or-quota', NAMED)
  if (error.status === 421) support.set('mimo.content-filter', NAMED)
  return support
}

/** The rule the error's dialect names, if any (the culprit's rule when no finding shows it). */
export function ruleNamedBy(error: UnwrappedError): RuleId | null {
  return errorDialectById(error.dialect)?.rule ?? null
}
