// DeepSeek: error wordings, each with a real sample and where it was reported.
import type { ErrorDialect } from './types'

export const DEEPSEEK_DIALECTS: readonly ErrorDialect[] = [
  {
    id: 'deepseek.reasoning-passback',
    kind: 'error',
    provider: 'deepseek',
    wording: 'The `reasoning_content` in the thinking mode must be passed back to the API.',
    pattern: /reasoning_content`? in the thinking mode must be passed back/i,
    locates: [],
    rule: 'compat.reasoning-passback-missing',
    sample: '{"error":{"message":"The reasoning_content in the thinking mode must be passed back to the API.","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}',
    source: 'JohnnyZ93/oai-compatible-copilot#202',
    note: 'Same words as MiMo, in an OpenAI-shaped body (`invalid_request_error`).'
  },
  {
    id: 'deepseek.thinking-passback',
    kind: 'error',
    provider: 'deepseek',
    wording: 'The `content[].thinking` in the thinking mode must be passed back to the API.',
    pattern: /content\[\]\.thinking`? in the thinking mode must be passed back/i,
    locates: [],
    rule: 'compat.reasoning-passback-missing',
    sample: '400 {"error":{"message":"The `content[].thinking` in the thinking mode must be passed back to the API.","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}',
    source: 'OEvortex/aether#31',
    note: "DeepSeek's Anthropic endpoint."
  },
  {
    id: 'deepseek.missing-reasoning-at-index',
    kind: 'error',
    provider: 'deepseek',
    wording: 'Missing `reasoning_content` field in the assistant message at message index N.',
    pattern: /Missing `?reasoning_content`? field in the assistant message/i,
    locates: ['message'],
    rule: 'compat.reasoning-passback-missing', expect: 'assistant-tool-call',
    sample: 'litellm.BadRequestError: DeepseekException - {"error":{"message":"Missing `reasoning_content` field in the assistant message at message index 14. For more information, please refer to https://api-docs.deepseek.com/guides/thinking_mode#tool-calls","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}',
    source: 'HKUDS/nanobot#194',
    note: 'Also sent for `reasoning_content: ""` (HKUDS/nanobot#946).'
  },
  {
    id: 'deepseek.missing-thinking-at-index',
    kind: 'error',
    provider: 'deepseek',
    wording: 'Missing thinking block in the assistant message at message index N.',
    pattern: /Missing thinking block in the assistant message/i,
    locates: ['message'],
    rule: 'compat.reasoning-passback-missing', expect: 'assistant-tool-call',
    sample: '{"error":{"message":"Missing thinking block in the assistant message at message index 11. For more information, please refer to https://api-docs.deepseek.com/guides/thinking_mode#tool-calls","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}',
    source: 'VicBilibily/GCMP#26',
    note: "DeepSeek's Anthropic endpoint."
  },
  {
    id: 'deepseek.unknown-part-variant',
    kind: 'error',
    provider: 'deepseek',
    wording: 'Failed to deserialize the JSON body into the target type: messages[N]: unknown variant `TYPE`, expected `text`',
    pattern: /messages?\[\d+\](?:\.content(?:\[\d+\])?)?: unknown variant `?([\w-]+)`?/i,
    locates: ['message', 'block', 'part-type'],
    rule: 'compat.unsupported-block-type', part: { group: 1 },
    sample: '{"error":{"message":"Failed to deserialize the JSON body into the target type: messages[3]: unknown variant `image_url`, expected `text` at line 1 column 173667","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}',
    source: 'ChatLunaLab/chatluna#867',
    note: 'DeepSeek takes only text parts: an `image_url` part fails.'
  },
  {
    id: 'deepseek.unknown-role-variant',
    kind: 'error',
    provider: 'deepseek',
    wording: 'Failed to deserialize the JSON body into the target type: messages[N].role: unknown variant `ROLE`',
    pattern: /messages?\[\d+\]\.role: unknown variant/i,
    locates: ['message'],
    sample: '{"error":{"message":"[deepseek/deepseek-v4-pro] [400]: {\\"error\\":{\\"message\\":\\"Failed to deserialize the JSON body into the target type: messages[1].role: unknown variant `developer`, expected one of `system`, `user`, `assistant`, `tool`, `latest_reminder` at line 1 column 51036\\",\\"type\\":\\"invalid_request_error\\",\\"param\\":null,\\"code\\":\\"invalid_request_error\\"}} (reset after 30s)"}}',
    source: 'decolua/9router#773',
    note: 'A `developer` role sent to DeepSeek.'
  },
  {
    id: 'deepseek.invalid-type',
    kind: 'error',
    provider: 'deepseek',
    wording: 'Failed to deserialize the JSON body into the target type: messages[N]: invalid type: KIND, expected KIND',
    pattern: /messages?\[\d+\][^:]*: invalid type:/i,
    locates: ['message'],
    sample: 'Failed to deserialize the JSON body into the target type: messages[1]: invalid type: sequence, expected a string at line 1 column 486954',
    source: 'CosmosShadow/gptpdf#41'
  },
  {
    id: 'deepseek.tool-without-call',
    kind: 'error',
    provider: 'deepseek',
    wording: "Messages with role 'tool' must be a response to a preceding message with 'tool_calls'",
    pattern: /^Messages with role 'tool' must be a response to a preceding message with 'tool_calls'$/i,
    locates: ['message'],
    rule: 'anthropic.tool-result-without-use', expect: 'tool-result',
    sample: "{\"error\":{\"message\":\"Messages with role 'tool' must be a response to a preceding message with 'tool_calls'\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_request_error\"}}",
    source: 'itmisx/deepx-code#94',
    note: 'No index: the orphan tool message is found in the request.'
  },
  {
    id: 'deepseek.insufficient-tool-messages',
    kind: 'error',
    provider: 'deepseek',
    wording: "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. (insufficient tool messages following tool_calls message)",
    pattern: /insufficient tool messages following tool_calls message/i,
    locates: ['message'],
    rule: 'anthropic.tool-use-without-result', expect: 'assistant-tool-call',
    sample: "{\"error\":{\"message\":\"An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. (insufficient tool messages following tool_calls message)\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_request_error\"}}",
    source: 'TurixAI/TuriX-CUA#15'
  },
  {
    id: 'deepseek.reasoner-last-message',
    kind: 'error',
    provider: 'deepseek',
    wording: 'The last message of deepseek-reasoner must be a user message, or an assistant message with prefix mode on',
    pattern: /The last message of deepseek-reasoner must be a user message/i,
    locates: ['message'],
    where: 'last-message',
    sample: 'litellm.BadRequestError: DeepseekException - {"error":{"message":"The last message of deepseek-reasoner must be a user message, or an assistant message with prefix mode on (refer to https://api-docs.deepseek.com/guides/chat_prefix_completion).","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}',
    source: 'SciPhi-AI/R2R#1990'
  },
  {
    id: 'deepseek.forced-tool-choice',
    kind: 'error',
    provider: 'deepseek',
    wording: 'Thinking mode does not support this tool_choice',
    pattern: /Thinking mode does not support this tool_choice/i,
    locates: ['parameter'],
    rule: 'compat.forced-tool-choice-with-thinking',
    sample: '{"error":{"message":"Thinking mode does not support this tool_choice","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}',
    source: 'freelensapp/freelens-ai-extension PR#122'
  },
  {
    id: 'deepseek.reasoner-forbids-reasoning',
    kind: 'error',
    provider: 'deepseek',
    wording: 'Please remove the reasoning_content from your message to reduce network traffic.',
    pattern: /Please remove the reasoning_content from your message/i,
    locates: [],
    rule: 'deepseek-reasoner.reasoning-content-forbidden',
    sample: '{"error":{"message":"The reasoning_content is an intermediate result for display purposes only and will not be included in the context for inference. Please remove the reasoning_content from your message to reduce network traffic.","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}',
    source: 'Euyug/Mirai-Gpt-Plugin#4',
    note: 'The legacy deepseek-reasoner.'
  },
  {
    id: 'deepseek.anthropic-tool-use-without-result',
    kind: 'error',
    provider: 'deepseek',
    wording: 'messages.N:`tool_use` ids were found without `tool_result` blocks immediately after: call_…',
    pattern: /messages\.\d+:`tool_use` ids were found without `tool_result` blocks/i,
    locates: ['message', 'tool-id'],
    rule: 'anthropic.tool-use-without-result', ids: 'call', idGroup: 1,
    sample: '{"type":"error","error":{"type":"invalid_request_error","message":"messages.1:`tool_use` ids were found without `tool_result` blocks immediately after: call_01_sfm5xVspRVRx1TAWyJtV8612, call_02_jYuxCY8bikeyLkpIykDw0444. Each `tool_use` block must have a corresponding `tool_result` block in the next message."}}',
    source: 'Hmbown/Codewhale#4329',
    note: "DeepSeek's Anthropic endpoint copies Anthropic's words (without the space after the colon) and its own `call_NN_` ids."
  },
  {
    id: 'deepseek.unsupported-image',
    kind: 'error',
    provider: 'deepseek',
    wording: '.messages[N].image[K]: You have uploaded an unsupported image.',
    pattern: /You have uploaded an unsupported image/i,
    locates: ['message', 'block', 'part-type'],
    rule: 'compat.unsupported-block-type', part: { type: 'image_url' },
    sample: 'HTTP 400: .messages[565].image[0]: You have uploaded an unsupported image. Please make sure your image is valid and has one of the following formats: webp, png, jpeg, and gif.',
    source: 'NousResearch/hermes-agent PR#109707',
    note: 'An image in a tool message; images in user messages pass.'
  }
]
