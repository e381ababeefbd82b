// MiMo: error wordings, each with a real sample and where it was reported.
import type { ErrorDialect } from './types'

export const MIMO_DIALECTS: readonly ErrorDialect[] = [
  {
    id: 'mimo.reasoning-passback',
    kind: 'error',
    provider: 'mimo',
    wording: 'The reasoning_content in the thinking mode must be passed back to the API.',
    pattern: /reasoning_content`? in the thinking mode must be passed back/i,
    locates: [],
    rule: 'compat.reasoning-passback-missing',
    sample: '400 Bad Request Reason: data:{"error":{"code":"400","message":"Param Incorrect","param":"The reasoning_content in the thinking mode must be passed back to the API.","type":""}}',
    source: 'tailcallhq/forgecode#3347',
    note: 'MiMo puts it in `error.param` under `Param Incorrect`; no index: every tool-call turn is checked.'
  },
  {
    id: 'mimo.text-not-present',
    kind: 'error',
    provider: 'mimo',
    wording: '`text` is not present',
    pattern: /`?text`? is not present/i,
    locates: [],
    rule: 'mimo.tool-message-shape',
    sample: '{"error":{"message":"Provider returned error","code":400,"metadata":{"raw":"{\\"error\\":{\\"code\\":\\"400\\",\\"message\\":\\"Param Incorrect\\",\\"param\\":\\"`text` is not present\\",\\"type\\":\\"\\"}}","provider_name":"Xiaomi"}}}',
    source: 'x5iu/claude-code-adapter PR#12',
    note: 'An assistant tool-call message with `content: null` (MiMo-V2-Flash#8).'
  },
  {
    id: 'mimo.text-not-set',
    kind: 'error',
    provider: 'mimo',
    wording: '`text` is not set',
    pattern: /`?text`? is not set/i,
    locates: [],
    rule: 'mimo.tool-message-shape',
    sample: '{"code": "400", "message": "Param Incorrect", "param": "`text` is not set"}',
    source: 'XiaomiMiMo/MiMo#44',
    note: 'A tool message whose content is a list holding an image.'
  },
  {
    id: 'mimo.duplicate-tool-names',
    kind: 'error',
    provider: 'mimo',
    wording: 'tools contains duplicate names: NAME',
    pattern: /tools contains duplicate names/i,
    locates: ['parameter'],
    rule: 'mimo.duplicate-tool-names',
    sample: 'data:{"error":{"code":"400","message":"Param Incorrect","param":"tools contains duplicate names: mcp__maps_direction_walking","type":""}}',
    source: 'rikkahub/rikkahub#1170'
  },
  {
    id: 'mimo.system-role',
    kind: 'error',
    provider: 'mimo',
    wording: "messages[N].role must be either 'user' or 'assistant', but got 'system'",
    pattern: /role must be either 'user' or 'assistant', but got 'system'/i,
    locates: ['message'],
    rule: 'mimo.system-role-in-messages',
    sample: "API Error: 400 messages[1].role must be either 'user' or 'assistant', but got 'system'",
    source: 'XiaomiMiMo/MiMo#54'
  },
  {
    id: 'mimo.assistant-content-part',
    kind: 'error',
    provider: 'mimo',
    wording: 'messages[N] assistant content must contain at least one part',
    pattern: /assistant content must contain at least one part/i,
    locates: ['message'],
    rule: 'anthropic.empty-text-block', expect: 'empty',
    sample: '{"error":{"message":"Provider returned error","code":400,"metadata":{"raw":"{\\"error\\":{\\"code\\":\\"400\\",\\"message\\":\\"Param Incorrect\\",\\"param\\":\\"messages[2] assistant content must contain at least one part\\",\\"type\\":\\"\\"}}","provider_name":"Xiaomi"}}}',
    source: 'farion1231/cc-switch#464',
    note: 'Seen through OpenRouter (`provider_name: Xiaomi`).'
  },
  {
    id: 'mimo.responses-unsupported',
    kind: 'error',
    provider: 'mimo',
    wording: "responses_feature_not_supported / tool type 'custom' is not supported by this gateway phase",
    pattern: /responses_feature_not_supported|is not supported by this gateway phase/i,
    locates: ['parameter'],
    rule: 'mimo.responses-custom-tool-unsupported',
    sample: "HTTP 400 responses_feature_not_supported: tool type 'custom' is not supported by this gateway phase",
    source: 'lidge-jun/opencodex PR#1211'
  },
  {
    id: 'mimo.insufficient-funds',
    kind: 'error',
    provider: 'mimo',
    wording: 'Upstream request failed: Insufficient account funds',
    pattern: /Insufficient account funds/i,
    locates: [],
    rule: 'mimo.rate-or-quota',
    sample: '{"type":"server_error","message":"Upstream request failed: Insufficient account funds"}',
    source: 'XiaomiMiMo/MiMo#99',
    note: 'A 402 that Token Plan users also saw for request bursts.'
  },
  {
    id: 'mimo.too-many-requests',
    kind: 'error',
    provider: 'mimo',
    wording: 'Too many requests (type `limitation`)',
    pattern: /^Too many requests$/i,
    locates: [],
    rule: 'mimo.rate-or-quota',
    sample: "{'error': {'code': '429', 'message': 'Too many requests', 'type': 'limitation'}}",
    source: 'XiaomiMiMo/MiMo#55'
  }
]
