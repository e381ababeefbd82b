// Wrapper dialects: how relays and clients wrap another provider's error. JSON wrappers hand back the wrapped
// body; text wrappers match a prefix and capture the rest. Bodies quoted inside texts (JSON or a Python
// repr) and SSE framing are found generically by the unwrapper; these rows name the relays in the chain.
import { isRecord, str } from '../../protocols/json'
import type { WrapperDialect } from './types'

export const WRAPPER_DIALECTS: readonly WrapperDialect[] = [
  {
    id: 'openrouter.metadata-raw',
    kind: 'wrapper',
    relay: 'openrouter',
    label: 'OpenRouter',
    wording: '{"error":{"message":"Provider returned error","metadata":{"raw":"<provider body>","provider_name":"NAME"}}}',
    json: (o) => {
      const e = isRecord(o.error) ? o.error : o
      const metadata = isRecord(e.metadata) ? e.metadata : e
      const raw = metadata.raw
      if (raw === undefined || raw === null || raw === '') return null
      return { inner: raw, provider: str(metadata.provider_name), generic: str(e.message) }
    },
    sample: "{\"error\":{\"message\":\"Provider returned error\",\"code\":400,\"metadata\":{\"raw\":\"{\\\"error\\\":{\\\"type\\\":\\\"invalid_request_error\\\",\\\"code\\\":\\\"invalid_request_error\\\",\\\"message\\\":\\\"Model 'moonshotai/kimi-k2.6' supports at most 1 image per prompt.\\\",\\\"request_id\\\":\\\"req_*******\\\"}}\",\"provider_name\":\"Crucible\",\"is_byok\":false}},\"user_id\":\"user_***************\"}",
    source: 'diegosouzapw/OmniRoute#3044'
  },
  {
    id: 'relay.upstream-error',
    kind: 'wrapper',
    relay: 'upstream-error',
    label: 'Relay',
    wording: '{"error":{"message":"<relay text>","type":"…","upstream_error":{<provider body>}}}',
    json: (o) => {
      const e = isRecord(o.error) ? o.error : o
      const inner = e.upstream_error ?? e.upstream ?? null
      if (inner === null || inner === undefined || inner === '') return null
      return { inner, generic: str(e.message) }
    },
    sample: '{"error":{"message":"请求目标分享错误","type":"bad_share","upstream_error":{"error":{"message":"you appear to be making a request using a non-Claude code cli client, which is prohibited","type":"invalid_request_error"},"type":"error"}},"type":"error"}',
    source: 'ding113/claude-code-hub#200'
  },
  {
    id: 'vertex.json-in-message',
    kind: 'wrapper',
    relay: 'vertex',
    label: 'Vertex AI',
    wording: '{"error":{"code":400,"message":"<Anthropic error JSON as a string>","status":"INVALID_ARGUMENT"}}',
    json: (o) => {
      const e = isRecord(o.error) ? o.error : null
      const message = str(e?.message)
      if (!e || typeof e.status !== 'string' || !message || !message.trimStart().startsWith('{')) return null
      return { inner: message, provider: 'anthropic' }
    },
    sample: '{"error":{"code":400,"message":"{\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"invalid_request_error\\",\\"message\\":\\"messages.243: `tool_use` ids were found without `tool_result` blocks immediately after: bash-uOQIdN0O. Each `tool_use` block must have a corresponding `tool_result` block in the next message.\\"},\\"request_id\\":\\"req_vrtx_011CX8LKNqFusFUVvygN5vEH\\"}","status":"INVALID_ARGUMENT"}}',
    source: 'lbjlaq/Antigravity-Manager#654'
  },
  {
    id: 'litellm.exception',
    kind: 'wrapper',
    relay: 'litellm',
    label: 'LiteLLM',
    wording: 'litellm.BadRequestError: PROVIDERException - <provider text or body>',
    text: /litellm\.\w+Error:\s*(?:\w+Error:\s*)?(?:(?<provider>\w+?)Exception\s*-\s*)?(?<inner>[\s\S]*)$/,
    // LiteLLM's router appends its fallback notes to the provider's text.
    strip: /\s*(No fallback model group found|Received Model Group=|Available Model Group Fallbacks|LiteLLM Retried:|Error doing the fallback:)[\s\S]*$/,
    sample: "litellm.BadRequestError: Error code: 400 - {'error': {'message': 'litellm.BadRequestError: AnthropicException - {\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"messages.24: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_01XhHDYNXWsLcDi4wniTuTfc. Each `tool_use` block must have a corresponding `tool_result` block in the next message.\"},\"request_id\":\"req_011CVhurPmhuUiXgFu4GqyZs\"}No fallback model group found for original model_group=claude-sonnet-4-5-20250929. Fallbacks=[{\\'qwen3-coder-480b\\': [\\'qwen3-coder-480b-or\\']}, {\\'glm-4.5\\': [\\'glm-4.5-or\\']}]. Received Model Group=claude-sonnet-4-5-20250929\\nAvailable Model Group Fallbacks=None', 'type': None, 'param': None, 'code': '400'}}",
    source: 'OpenHands/OpenHands-CLI#163'
  },
  {
    id: 'bedrock.model-errors',
    kind: 'wrapper',
    relay: 'bedrock',
    label: 'Bedrock',
    wording: 'The model returned the following errors: <Anthropic text>',
    text: /The model returned the following errors:\s*(?<inner>[\s\S]*)$/,
    sample: '{"message":"The model returned the following errors: thinking.enabled.budget_tokens: Input should be greater than or equal to 1024"}',
    source: 'danny-avila/LibreChat#8346'
  },
  {
    id: 'new-api.request-id',
    kind: 'wrapper',
    relay: 'new-api',
    label: 'new-api',
    wording: '<upstream text> (request id: ID)',
    // new-api and one-api append the request id of each hop to the upstream message.
    strip: /(\s*\(request id: [^)]*\))+/g,
    sample: '{"error":{"type":"<nil>","message":"context_management: Extra inputs are not permitted (request id: 20260622121712260885638268d9d6ZMv54AKL)"},"type":"error"}',
    source: 'QuantumNous/new-api#5667'
  },
  {
    id: 'new-api.status-code',
    kind: 'wrapper',
    relay: 'new-api',
    label: 'new-api',
    wording: 'status_code=400, <upstream text>',
    text: /^status_code=\d{3},\s*(?<inner>[\s\S]+)$/,
    sample: 'status_code=400, thinking is enabled but reasoning_content is missing in assistant tool call message at index 7',
    source: 'QuantumNous/new-api#3121'
  },
  {
    id: 'cc-switch.cause',
    kind: 'wrapper',
    relay: 'cc-switch',
    label: 'CC Switch',
    wording: 'CC Switch local proxy failed while handling ENDPOINT. Provider: NAME; model: MODEL; upstream_status: HTTP 400; cause: <upstream text>',
    text: /CC Switch local proxy failed[\s\S]*?Provider: (?<provider>[^;]+);[\s\S]*?cause: (?<inner>[\s\S]+)$/,
    sample: "CC Switch local proxy failed while handling Codex endpoint /responses. Provider: Zhipu GLM; model: glm-5.2; upstream_status: HTTP 400; cause: messages.content.type 参数非法，取值范围 ['text']",
    source: 'farion1231/cc-switch#6151'
  },
  {
    id: 'claude-code-router.provider',
    kind: 'wrapper',
    relay: 'claude-code-router',
    label: 'claude-code-router',
    wording: 'Error from provider(NAME,MODEL: 400): <provider body>',
    text: /Error from provider\((?<provider>[^,)]+)[^)]*\):\s*(?<inner>[\s\S]+)$/,
    sample: '{"error":{"message":"Error from provider(antigravity,gemini-claude-opus-4-5-thinking: 400): {\\n  \\"error\\": {\\n    \\"code\\": 400,\\n    \\"message\\": \\"{\\\\\\"type\\\\\\":\\\\\\"error\\\\\\",\\\\\\"error\\\\\\":{\\\\\\"type\\\\\\":\\\\\\"invalid_request_error\\\\\\",\\\\\\"message\\\\\\":\\\\\\"messages.7.content.0.text.text: Field required\\\\\\"},\\\\\\"request_id\\\\\\":\\\\\\"req_vrtx_011CWTZRniEXXzVNKNSRTjMM\\\\\\"}\\",\\n    \\"status\\": \\"INVALID_ARGUMENT\\"\\n  }\\n}Error: Error from provider(antigravity,gemini-claude-opus-4-5-thinking: 400): ...","type":"api_error","code":"provider_response_error"}}',
    source: 'heyhuynhgiabuu/proxypal#67'
  },
  {
    id: 'opencode-zen.provider',
    kind: 'wrapper',
    relay: 'opencode-zen',
    label: 'OpenCode Zen',
    wording: 'Error from provider (NAME): <provider text>',
    text: /Error from provider \((?<provider>[^)]+)\):\s*(?<inner>[\s\S]+)$/,
    sample: 'error, status code: 400, status: 400 Bad Request, message: Error from provider (DeepSeek): Failed to deserialize the JSON body into the target type: messages[188]: unknown variant `image_url`, expected `text` at line 1 column 182450',
    source: 'boldsoftware/shelley#224'
  },
  {
    id: 'gateway.upstream-error-from',
    kind: 'wrapper',
    relay: 'gateway',
    label: 'Gateway',
    wording: 'Upstream error from NAME: <provider text>',
    text: /Upstream error from (?<provider>[\w .-]+?):\s*(?<inner>[\s\S]+)$/,
    sample: 'Upstream error from Alibaba: <400> InternalError.Algo.InvalidParameter: An assistant message with "tool_calls" must be followed by tool messages responding to each "tool_call_id". The following tool_call_ids did not have response messages: message[8].role',
    source: 'agynio/v1#1346'
  },
  {
    id: '9router.provider-prefix',
    kind: 'wrapper',
    relay: '9router',
    label: '9router',
    wording: '[PROVIDER/MODEL] [400]: <provider body> (reset after Ns)',
    text: /^\[(?<provider>[\w.-]+)\/[^\]]*\]\s*\[\d{3}\]:\s*(?<inner>[\s\S]+?)(?:\s*\(reset after \d+s\))?$/,
    sample: '{"error":{"message":"[deepseek/deepseek-v4-pro] [400]: {\\"error\\":{\\"message\\":\\"Failed to deserialize the JSON body into the target type: messages[1].role: unknown variant `developer`, expected one of `system`, `user`, `assistant`, `tool`, `latest_reminder` at line 1 column 51036\\",\\"type\\":\\"invalid_request_error\\",\\"param\\":null,\\"code\\":\\"invalid_request_error\\"}} (reset after 30s)"}}',
    source: 'decolua/9router#773'
  },
  {
    id: 'coai.code-suffix',
    kind: 'wrapper',
    relay: 'coai',
    label: 'CoAI',
    wording: '<upstream text> (code: 1214)',
    text: /^(?<inner>[\s\S]+?)\s*\(code: (?<code>\d+)\)$/,
    sample: '{"error":{"message":"tools[0].function.name:不能为空 (code: 1214)","type":"chatnio_api_error"}}',
    source: 'coaidev/coai#322'
  },
  {
    id: 'octopus.channel',
    kind: 'wrapper',
    relay: 'octopus',
    label: 'Octopus',
    wording: 'channel NAME failed: upstream error: 400: <provider body>',
    text: /channel (?<provider>[\w.-]+) failed: upstream error: \d{3}:\s*(?<inner>[\s\S]+)$/,
    sample: 'channel Zhipu-A failed: upstream error: 400: {"error":{"code":"1210","message":"API 调用参数有误，请检查文档。"}}',
    source: 'bestruirui/octopus#165'
  }
]
