// Zhipu (GLM): error wordings, each with a real sample and where it was reported.
import type { ErrorDialect } from './types'

export const ZHIPU_DIALECTS: readonly ErrorDialect[] = [
  {
    id: 'zhipu.text-cannot-be-empty',
    kind: 'error',
    provider: 'zhipu',
    wording: 'messages[N].content[M].text:text cannot be empty.',
    pattern: /text:text cannot be empty/i,
    locates: ['message', 'block'],
    rule: 'anthropic.empty-text-block',
    sample: "BadRequestError: Error code: 400 - {'error': {'code': '1214', 'message': 'messages[20].content[0].text:text cannot be empty.'}}",
    source: 'agentscope-ai/QwenPaw#287',
    note: 'Code 1214.'
  },
  {
    id: 'zhipu.content-and-tool-calls-empty',
    kind: 'error',
    provider: 'zhipu',
    wording: 'messages[N]:content和tool_calls 字段不能同时为空',
    pattern: /content和tool_calls\s*字段不能同时为空/,
    locates: ['message'],
    rule: 'anthropic.empty-text-block', expect: 'empty',
    sample: 'Error code: 400, with error text {"error":{"code":"1214","message":"messages[4]:content和tool_calls 字段不能同时为空"}}',
    source: 'AgentEra/Agently#74',
    note: 'Code 1214: content and tool_calls both empty.'
  },
  {
    id: 'zhipu.messages-illegal',
    kind: 'error',
    provider: 'zhipu',
    wording: 'The messages parameter is illegal. Please check the documentation. / messages 参数非法。请检查文档。',
    pattern: /messages parameter is illegal|messages\s*参数非法/i,
    locates: [],
    sample: '{"error":{"code":"1214","message":"The messages parameter is illegal. Please check the documentation."}}',
    source: 'continuedev/continue#13259',
    note: "Code 1214, no index: judged from the request's shape."
  },
  {
    id: 'zhipu.invalid-api-parameter',
    kind: 'error',
    provider: 'zhipu',
    wording: 'Invalid API parameter, please check the documentation. / API 调用参数有误，请检查文档。',
    pattern: /Invalid API parameter, please check the documentation|API\s*调用参数有误/i,
    locates: [],
    sample: '{"error":{"code":"1210","message":"API 调用参数有误，请检查文档。"}}',
    source: 'fuzhengwei/chatglm-sdk-java#8',
    note: 'Code 1210, no index.'
  },
  {
    id: 'zhipu.field-cannot-be-empty',
    kind: 'error',
    provider: 'zhipu',
    wording: 'tools[N].function.name:不能为空',
    pattern: /(tools(?:\[\d+\])?\.[\w.]+):\s*不能为空/,
    locates: ['parameter'],
    parameterGroup: 1,
    sample: '{"error":{"message":"tools[0].function.name:不能为空 (code: 1214)","type":"chatnio_api_error"}}',
    source: 'coaidev/coai#322'
  },
  {
    id: 'zhipu.content-type-illegal',
    kind: 'error',
    provider: 'zhipu',
    wording: "messages.content.type 参数非法，取值范围 ['text']",
    pattern: /messages\.content\.type\s*参数非法，取值范围\s*\[([^\]]*)\]/,
    locates: ['message', 'block', 'part-type'],
    rule: 'compat.unsupported-block-type', part: { allowedGroup: 1 },
    sample: "CC Switch local proxy failed while handling Codex endpoint /responses. Provider: Zhipu GLM; model: glm-5.2; upstream_status: HTTP 400; cause: messages.content.type 参数非法，取值范围 ['text']",
    source: 'farion1231/cc-switch#6151',
    note: 'Names the types allowed, not the one sent: the first other part is the culprit.'
  },
  {
    id: 'zhipu.anthropic-tool-input',
    kind: 'error',
    provider: 'zhipu',
    wording: "[500]['ClaudeContentBlockToolResult' object has no attribute 'id']",
    pattern: /'ClaudeContentBlockToolResult' object has no attribute 'id'/,
    locates: [],
    sample: "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"code\":\"500\",\"message\":\"[500]['ClaudeContentBlockToolResult' object has no attribute 'id'][20260529171358a78557592b0e436c]\"}}",
    source: 'zai-org/zai-coding-plugins#14',
    note: "A 500 from Z.ai's Anthropic endpoint when a replayed tool_use input is an array."
  },
  {
    id: 'zhipu.invalid-field',
    kind: 'error',
    provider: 'zhipu',
    wording: 'request param validation error, Value error, message[N].content[M] has invalid field(s): FIELD',
    pattern: /message\[\d+\]\.content\[\d+\] has invalid field\(s\)/i,
    locates: ['message', 'block'],
    sample: "{\"error\":{\"message\":\"litellm.BadRequestError: OpenAIException - Inference failed: request param validation error, Value error, message[3].content[2] has invalid field(s): text, ***.Request failed with status: 400 BAD_REQUEST. (request id: 5793e940-4e16-428b-b588-b2bbb5a3563a-Bqmz0RnG)No fallback model group found for original model_group=zhipu/glm-5. Fallbacks=[{'zhipu/glm-5.1': ['zhipu/glm-5.1-backup']}]. Received Model Group=zhipu/glm-5\\nAvailable Model Group Fallbacks=None\\nError doing the fallback: litellm.BadRequestError: OpenAIException - Inference failed: request param validation error, Value error, message[3].content[2] has invalid field(s): text, ***.Request failed with status: 400 BAD_REQUEST. (request id: 5793e940-4e16-428b-b588-b2bbb5a3563a-Bqmz0RnG)No fallback model group found for original model_group=zhipu/glm-5. Fallbacks=[{'zhipu/glm-5.1': ['zhipu/glm-5.1-backup']}]\",\"type\":null,\"param\":null,\"code\":\"400\"}}",
    source: 'BigPizzaV3/CodexPlusPlus#329',
    note: 'Singular `message[N]`; seen through LiteLLM (`zhipu/glm-5`).'
  }
]
