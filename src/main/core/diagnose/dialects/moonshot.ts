// Moonshot (Kimi): error wordings, each with a real sample and where it was reported.
import type { ErrorDialect } from './types'

export const MOONSHOT_DIALECTS: readonly ErrorDialect[] = [
  {
    id: 'moonshot.reasoning-missing-at-index',
    kind: 'error',
    provider: 'moonshot',
    wording: 'thinking is enabled but reasoning_content is missing in assistant tool call message at index N',
    pattern: /thinking is enabled but reasoning_content is missing in assistant tool call message/i,
    locates: ['message'],
    rule: 'compat.reasoning-passback-missing', expect: 'assistant-tool-call',
    sample: '400 thinking is enabled but reasoning_content is missing in assistant tool call message at index 19',
    source: 'continuedev/continue#11711',
    note: 'Counts OpenAI messages (system included); behind an Anthropic relay the index can be one more than the Anthropic one.'
  },
  {
    id: 'moonshot.invalid-part-type',
    kind: 'error',
    provider: 'moonshot',
    wording: "the message at position N with role 'ROLE' contains an invalid part type: TYPE",
    pattern: /the message at position \d+ with role '\w+' contains an invalid part type: ([\w-]+)/i,
    locates: ['message', 'block', 'part-type'],
    rule: 'compat.unsupported-block-type', part: { group: 1 },
    sample: "Error code: 400 - {'error': {'message': \"the message at position 1 with role 'user' contains an invalid part type: video_url\", 'type': 'invalid_request_error'}}",
    source: 'MoonshotAI/kimi-cli#788'
  },
  {
    id: 'moonshot.tool-call-id-not-found',
    kind: 'error',
    provider: 'moonshot',
    wording: 'Invalid request: tool_call_id ID is not found',
    pattern: /tool_call_id (\S*)\s*is not found/i,
    locates: ['message', 'tool-id'],
    rule: 'anthropic.tool-result-without-use', ids: 'result', idGroup: 1, expect: 'tool-result',
    sample: "Error code: 400 - {'error': {'message': 'Invalid request: tool_call_id  is not found', 'type': 'invalid_request_error'}}",
    source: 'langbot-app/LangBot#1040',
    note: 'The id is often empty (two spaces): a tool result without a matching call.'
  },
  {
    id: 'moonshot.text-content-empty',
    kind: 'error',
    provider: 'moonshot',
    wording: 'Invalid request: text content is empty',
    pattern: /text content is empty/i,
    locates: [],
    rule: 'anthropic.empty-text-block',
    sample: '{"error":{"type":"invalid_request_error","message":"Invalid request: text content is empty"}}',
    source: 'LLM-Red-Team/kimi-cc#23',
    note: "Kimi's Anthropic endpoint."
  },
  {
    id: 'moonshot.content-field-illegal',
    kind: 'error',
    provider: 'moonshot',
    wording: 'Invalid request: the `messages.content` field in the request (expected type []object) is illegal',
    pattern: /the `?messages\.content`? field in the request .* is illegal/i,
    locates: [],
    sample: 'Invalid request: the `messages.content` field in the request (expected type []object) is illegal, and object is not acceptable',
    source: 'LnYo-Cly/ai4j#62'
  },
  {
    id: 'moonshot.max-images',
    kind: 'error',
    provider: 'moonshot',
    wording: "Model 'MODEL' supports at most N image per prompt.",
    pattern: /supports at most \d+ images? per prompt/i,
    locates: ['parameter'],
    sample: "{\"error\":{\"message\":\"Provider returned error\",\"code\":400,\"metadata\":{\"raw\":\"{\\\"error\\\":{\\\"type\\\":\\\"invalid_request_error\\\",\\\"code\\\":\\\"invalid_request_error\\\",\\\"message\\\":\\\"Model 'moonshotai/kimi-k2.6' supports at most 1 image per prompt.\\\",\\\"request_id\\\":\\\"req_*******\\\"}}\",\"provider_name\":\"Crucible\",\"is_byok\":false}},\"user_id\":\"user_***************\"}",
    source: 'diegosouzapw/OmniRoute#3044',
    note: 'Seen through OpenRouter.'
  },
  {
    id: 'moonshot.empty-message-at-position',
    kind: 'error',
    provider: 'moonshot',
    wording: "Invalid request: the message at position N with role 'ROLE' must not be empty",
    pattern: /the message at position \d+ with role '(\w+)' must not be empty/i,
    locates: ['message'],
    rule: 'anthropic.empty-text-block', expect: 'empty',
    sample: "{\"error\":{\"message\":\"Invalid request: the message at position 72 with role 'assistant' must not be empty\",\"type\":\"invalid_request_error\"}}",
    source: 'AIDotNet/OpenCowork#10'
  },
  {
    id: 'moonshot.tool-parameters-type',
    kind: 'error',
    provider: 'moonshot',
    wording: 'Invalid request: tools.function.parameters.type is required and must be "object"',
    pattern: /(tools\.function\.parameters[\w.]*) is required/i,
    locates: ['parameter'],
    parameterGroup: 1,
    sample: 'CC Switch local proxy failed while handling Codex endpoint /responses. Provider: Kimi; model: kimi-k2.7-code; upstream_status: HTTP 400; cause: Invalid request: tools.function.parameters.type is required and must be "object"',
    source: 'farion1231/cc-switch#5046',
    note: 'Seen through CC Switch.'
  },
  {
    id: 'moonshot.invalid-thinking',
    kind: 'error',
    provider: 'moonshot',
    wording: 'invalid thinking: only type=enabled is allowed for this model',
    pattern: /invalid thinking: only type=\w+ is allowed/i,
    locates: ['parameter'],
    sample: 'CC Switch local proxy failed while handling Codex endpoint /responses. Provider: Kimi; model: deepseek-v4-flash; upstream_status: HTTP 400; cause: invalid thinking: only type=enabled is allowed for this model',
    source: 'farion1231/cc-switch#4452',
    note: 'Seen through CC Switch.'
  }
]
