// OpenAI: error wordings, each with a real sample and where it was reported.
import type { ErrorDialect } from './types'

export const OPENAI_DIALECTS: readonly ErrorDialect[] = [
  {
    id: 'openai.tool-calls-unanswered',
    kind: 'error',
    provider: 'openai',
    wording: "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ID",
    pattern: /An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'\.\s*The following tool_call_ids did not have response messages:\s*([^\"]+)/i,
    locates: ['message', 'block', 'tool-id'],
    rule: 'anthropic.tool-use-without-result', ids: 'call', idGroup: 1, expect: 'assistant-tool-call',
    sample: "{\"error\":{\"message\":\"An assistant message with 'tool_calls' must be followed by tool messages responding\nto each 'tool_call_id'. The following tool_call_ids did not have response messages:\ncall_RTlWVuE5MqEb3WZJgTIl7Rsb\",\"type\":\"invalid_request_error\",\"param\":\"messages.[6].role\",\"code\":null}}",
    source: 'router-for-me/CLIProxyAPI#2798',
    note: '`param` names the message after the tool call (`messages.[N].role`); the id names the call itself.'
  },
  {
    id: 'openai.tool-without-call',
    kind: 'error',
    provider: 'openai',
    wording: "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
    pattern: /Invalid parameter: messages with role 'tool' must be a response to a precee?ding message with 'tool_calls'/i,
    locates: ['message'],
    rule: 'anthropic.tool-result-without-use', expect: 'tool-result',
    sample: "{'error': {'message': \"Invalid parameter: messages with role 'tool' must be a response to a preceding message with 'tool_calls'.\", 'type': 'invalid_request_error', 'param': 'messages.[0].role', 'code': None}}",
    source: 'run-llama/llama_index#10493',
    note: 'The index is in `param`: `messages.[N].role`.'
  },
  {
    id: 'openai.missing-tool-call-id',
    kind: 'error',
    provider: 'openai',
    wording: "Missing parameter 'tool_call_id': messages with role 'tool' must have a 'tool_call_id'.",
    pattern: /Missing parameter 'tool_call_id': messages with role 'tool' must have a 'tool_call_id'/i,
    locates: ['message'],
    rule: 'anthropic.tool-result-without-use', expect: 'tool-result',
    sample: "Error code: 400 - {'error': {'message': \"Missing parameter 'tool_call_id': messages with role 'tool' must have a 'tool_call_id'.\", 'type': 'invalid_request_error', 'param': 'messages.[15].tool_call_id', 'code': None}}",
    source: 'run-llama/multi-agent-concierge#16',
    note: 'The index is in `param`: `messages.[N].tool_call_id`.'
  },
  {
    id: 'openai.duplicate-tool-call-id',
    kind: 'error',
    provider: 'openai',
    wording: "Invalid parameter: Duplicate value for 'tool_call_id' of 'ID', in messages[N] and messages[M].",
    pattern: /Duplicate value for 'tool_call_id' of '([^']+)'/i,
    locates: ['message', 'tool-id'],
    ids: 'repeat', idGroup: 1, pick: 'last', expect: 'tool-result',
    sample: "Error code: 400 - {'error': {'message': \"Invalid parameter: Duplicate value for 'tool_call_id' of 'call_gmd4tanjXcwOxfPawOnDmq6R', in messages[7] and messages[8].\", 'type': 'invalid_request_error', 'param': 'messages.[8].tool_call_id', 'code': None}}",
    source: 'agno-agi/agno#5116',
    note: 'The later message is the duplicate.'
  },
  {
    id: 'openai.image-url-role',
    kind: 'error',
    provider: 'openai',
    wording: "Invalid 'messages[N]'. Image URLs are only allowed for messages with role 'user', but this message with role 'ROLE' contains an image URL.",
    pattern: /Image URLs are only allowed for messages with role 'user'/i,
    locates: ['message', 'block', 'part-type'],
    rule: 'compat.unsupported-block-type', part: { type: 'image_url' },
    sample: "400 Invalid 'messages[2]'. Image URLs are only allowed for messages with role 'user', but this message with role 'assistant' contains an image URL.",
    source: 'openai/openai-node#1030'
  },
  {
    id: 'openai.string-too-long',
    kind: 'error',
    provider: 'openai',
    wording: "Invalid 'messages[N].content': string too long.",
    pattern: /Invalid 'messages\[\d+\]\.content': string too long/i,
    locates: ['message'],
    sample: "error, status code: 400, message: Invalid 'messages[17].content': string too long. Expected a string with maximum length 1048576, but got a string with length 1744259 instead.",
    source: 'gptscript-ai/clio#41'
  },
  {
    id: 'openai.invalid-type-content',
    kind: 'error',
    provider: 'openai',
    wording: "Invalid type for 'messages[N].content': expected a string, but got an array instead",
    pattern: /Invalid type for 'messages\[\d+\]\.content': expected a string/i,
    locates: ['message'],
    sample: "400 Invalid type for 'messages[0].content': expected a string, but got an array instead",
    source: 'danny-avila/LibreChat#3111',
    note: 'Azure OpenAI.'
  },
  {
    id: 'openai.no-tool-output',
    kind: 'error',
    provider: 'openai',
    wording: 'No tool output found for function call ID.',
    pattern: /No tool output found for function call ([\w-]+)/i,
    locates: ['tool-id'],
    rule: 'anthropic.tool-use-without-result', ids: 'call', idGroup: 1,
    sample: '{"error":{"message":"No tool output found for function call call_U80UaBc1YfQVSXfZiKGqTvN7.","type":"invalid_request_error","param":"input","code":null}}',
    source: 'symgraph/GhidrAssist#78',
    note: 'Responses API.'
  },
  {
    id: 'openai.no-tool-call-for-output',
    kind: 'error',
    provider: 'openai',
    wording: 'No tool call found for function call output with call_id ID.',
    pattern: /No tool call found for function call output with call_id ([\w-]+)/i,
    locates: ['tool-id'],
    rule: 'anthropic.tool-result-without-use', ids: 'result', idGroup: 1,
    sample: 'Error: 400 No tool call found for function call output with call_id call_x0jSANyYfXIjJkd5ftBlNxf5.',
    source: 'can1357/oh-my-pi#106',
    note: 'Responses API.'
  },
  {
    id: 'openai.missing-required-parameter',
    kind: 'error',
    provider: 'openai',
    wording: "Missing required parameter: 'PATH'.",
    pattern: /Missing required parameter: '((?!messages)[^']+)'/i,
    locates: ['parameter'],
    parameterGroup: 1,
    sample: "{\"error\":{\"message\":\"Provider returned error\",\"code\":400,\"metadata\":{\"raw\":\"{\\n  \\\"error\\\": {\\n    \\\"message\\\": \\\"Missing required parameter: 'tools[0].name'.\\\",\\n    \\\"type\\\": \\\"invalid_request_error\\\",\\n    \\\"param\\\": \\\"tools[0].name\\\",\\n    \\\"code\\\": \\\"missing_required_parameter\\\"\\n  }\\n}\",\"provider_name\":\"OpenAI\"}}}",
    source: 'ymichael/open-codex#35',
    note: 'Seen through OpenRouter.'
  },
  {
    id: 'openai.invalid-value-supported',
    kind: 'error',
    provider: 'openai',
    wording: "Invalid value: 'TYPE'. Supported values are: 'text', 'image_url', …",
    pattern: /Invalid value: '?([\w-]+)'?\. Supported values are/i,
    locates: ['message', 'block', 'part-type'],
    rule: 'compat.unsupported-block-type', part: { group: 1 },
    sample: "Invalid value: image. Supported values are: 'text','image_url','video_url' and 'video'.",
    source: 'langgenius/dify-official-plugins#1843',
    note: "OpenAI's wording, also used by OpenAI-compatible servers (here ModelScope); `param` may give the index."
  },
  {
    id: 'openai.content-null',
    kind: 'error',
    provider: 'openai',
    wording: "Invalid value for 'content': expected a string, got null.",
    pattern: /Invalid value for 'content': expected a string, got null/i,
    locates: ['message'],
    expect: 'empty',
    sample: "error, status code: 400, status: 400 Bad Request, message: Invalid value for 'content': expected a string, got null.",
    source: 'docker/docker-agent#63',
    note: 'With `param` (`messages.[N].content`) the index says which; without, the first message whose content is null.'
  }
]
