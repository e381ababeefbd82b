// Which rule an error names, from the exact provider texts (docs/rules.md) (and the status for the gateway
// rules). `shift` maps the error's index onto the finding's message: Bedrock's "Expected toolResult blocks at
// messages.N.content" names the user message after the assistant message R17 points at (W8).
import type { UnwrappedError } from '../../../shared/types'
import type { RuleId } from './catalogue'

interface ErrorText {
  rule: RuleId
  pattern: RegExp
  shift?: number
}

const TEXTS: readonly ErrorText[] = [
  // MiMo (both paths) and DeepSeek; DeepSeek's Anthropic path; DeepSeek reasoner; Kimi.
  { rule: 'compat.reasoning-passback-missing', pattern: /reasoning_content`? in the thinking mode must be passed back/i },
  { rule: 'compat.reasoning-passback-missing', pattern: /content\[\]\.thinking`? in the thinking mode must be passed back/i },
  { rule: 'compat.reasoning-passback-missing', pattern: /Missing `?reasoning_content`? field in the assistant message/i },
  { rule: 'compat.reasoning-passback-missing', pattern: /reasoning_content is missing in assistant tool call message/i },
  { rule: 'deepseek-reasoner.reasoning-content-forbidden', pattern: /Please remove the reasoning_content from your message/i },
  { rule: 'anthropic.thinking-first-in-tool-turn', pattern: /Expected `?thinking`? or `?redacted_thinking`?, but found/i },
  { rule: 'anthropic.thinking-first-in-tool-turn', pattern: /final `?assistant`? message must start with a thinking block/i },
  { rule: 'anthropic.thinking-signature-missing', pattern: /thinking\.signature: Field required/i },
  { rule: 'anthropic.thinking-text-missing', pattern: /thinking\.thinking: Field required/i },
  { rule: 'anthropic.thinking-signature-invalid', pattern: /Invalid `?signature`? in `?thinking`? block/i },
  { rule: 'anthropic.thinking-block-modified', pattern: /blocks in the latest assistant message cannot be modified/i },
  { rule: 'anthropic.trailing-thinking-block', pattern: /final block in an assistant message cannot be `?thinking/i },
  { rule: 'anthropic.thinking-when-disabled', pattern: /When thinking is disabled, an `?assistant`? message in the final position cannot contain `?thinking/i },
  { rule: 'anthropic.cache-control-on-thinking', pattern: /thinking\.cache_control: Extra inputs are not permitted/i },
  { rule: 'anthropic.budget-min-1024', pattern: /budget_tokens: Input should be greater than or equal to 1024/i },
  { rule: 'anthropic.budget-lt-max-tokens', pattern: /budget_tokens.*max_tokens|max_tokens.*budget_tokens/i },
  { rule: 'anthropic.sampling-with-thinking', pattern: /`?(temperature|top_p|top_k)`? may only be set to .* when thinking is enabled/i },
  { rule: 'compat.forced-tool-choice-with-thinking', pattern: /Thinking may not be enabled when tool_choice forces tool use/i },
  { rule: 'compat.forced-tool-choice-with-thinking', pattern: /Thinking mode does not support this tool_choice/i },
  { rule: 'compat.forced-tool-choice-with-thinking', pattern: /tool_choice parameter does not support being set to required or object in thinking mode/i },
  { rule: 'anthropic.beta-header-unknown', pattern: /Unexpected value\(s\) .* for the `?anthropic-beta`? header/i },
  { rule: 'anthropic.tool-use-without-result', pattern: /`?tool_use`? ids were found without `?tool_result`? blocks immediately after/i },
  { rule: 'anthropic.tool-use-without-result', pattern: /Did not find \d+ `?tool_result`? block\(s\) at the beginning of this message/i, shift: -1 },
  { rule: 'anthropic.tool-use-without-result', pattern: /Expected toolResult blocks at messages\.\d+\.content/i, shift: -1 },
  { rule: 'anthropic.tool-result-without-use', pattern: /unexpected `?tool_use_id`? found in `?tool_result`? blocks/i },
  { rule: 'anthropic.tool-result-without-use', pattern: /Input should be <ChatMessageRole\.TOOL/i },
  { rule: 'compat.tool-call-id-hygiene', pattern: /reuses id .* already seen earlier/i },
  { rule: 'mimo.tool-message-shape', pattern: /`?text`? is not (present|set)/i },
  { rule: 'mimo.duplicate-tool-names', pattern: /tools contains duplicate names/i },
  { rule: 'mimo.responses-custom-tool-unsupported', pattern: /responses_feature_not_supported|is not supported by this gateway phase/i },
  { rule: 'anthropic.empty-text-block', pattern: /text content blocks must (be non-empty|contain non-whitespace text)/i },
  { rule: 'anthropic.empty-text-block', pattern: /all messages must have non-empty content/i },
  { rule: 'anthropic.empty-text-block', pattern: /text content is empty/i },
  { rule: 'anthropic.cache-control-limit', pattern: /A maximum of \d+ blocks with cache_control may be provided/i },
  { rule: 'anthropic.cache-control-empty-text', pattern: /cache_control cannot be set for empty text blocks/i },
  { rule: 'mimo.system-role-in-messages', pattern: /role must be either 'user' or 'assistant', but got 'system'/i },
  { rule: 'bedrock.tool-result-json-object', pattern: /toolResult\.content\.\d+\.json is invalid/i },
  { rule: 'mimo.rate-or-quota', pattern: /Insufficient account funds/i }
]

/** Rules the error names, each with the shift from the error's index to the finding's message. */
export function rulesNamedBy(error: UnwrappedError): Map<RuleId, number> {
  const named = new Map<RuleId, number>()
  const text = `${error.message}\n${error.genericMessage ?? ''}`
  for (const t of TEXTS) if (!named.has(t.rule) && t.pattern.test(text)) named.set(t.rule, t.shift ?? 0)
  // MiMo's error-codes page names the cause of these statuses.
  if (error.status === 401) named.set('mimo.auth-key-gateway-mismatch', 0)
  if (error.status === 429) named.set('mimo.rate-or-quota', 0)
  if (error.status === 421) named.set('mimo.content-filter', 0)
  return named
}
