// DashScope (Qwen): error wordings, each with a real sample and where it was reported.
import type { ErrorDialect } from './types'

export const DASHSCOPE_DIALECTS: readonly ErrorDialect[] = [
  {
    id: 'dashscope.tool-calls-unanswered',
    kind: 'error',
    provider: 'dashscope',
    wording: '<400> InternalError.Algo.InvalidParameter: An assistant message with "tool_calls" must be followed by tool messages responding to each "tool_call_id". The following tool_call_ids did not have response messages: message[N].role',
    pattern: /An assistant message with ["'“”]tool_calls["'“”] must be followed by tool messages.*message\[\d+\]\.role/is,
    locates: ['message'],
    rule: 'anthropic.tool-use-without-result', expect: 'assistant-tool-call',
    sample: '400 <400> InternalError.Algo.InvalidParameter: An assistant message with "tool_calls" must be followed by tool messages responding to each "tool_call_id". The following tool_call_ids did not have response messages: message[532].role',
    source: 'QwenLM/qwen-code#606',
    note: 'The ids are replaced by `message[N].role`; N is checked against the request (it may name the message after the tool call).'
  },
  {
    id: 'dashscope.tool-without-call',
    kind: 'error',
    provider: 'dashscope',
    wording: '<400> InternalError.Algo.InvalidParameter: messages with role "tool" must be a response to a preceeding message with "tool_calls".',
    pattern: /messages with role ["“”]tool["“”] must be a response to a precee?ding message with ["“”]tool_calls["“”]/i,
    locates: ['message'],
    rule: 'anthropic.tool-result-without-use', expect: 'tool-result',
    sample: '[API Error: 400 <400> InternalError.Algo.InvalidParameter: messages with role "tool" must be a response to a preceeding message with "tool_calls".]',
    source: 'QwenLM/qwen-code#2360',
    note: 'No index: the orphan tool message is found in the request.'
  },
  {
    id: 'dashscope.no-user-message',
    kind: 'error',
    provider: 'dashscope',
    wording: '<400> InternalError.Algo.InvalidParameter: The input messages do not contain elements with the role of user',
    pattern: /input messages do not contain elements with the role of user/i,
    locates: ['parameter'],
    sample: 'Error: 400 <400> InternalError.Algo.InvalidParameter: The input messages do not contain elements with the role of user',
    source: 'langfuse/langfuse#10513'
  },
  {
    id: 'dashscope.content-required',
    kind: 'error',
    provider: 'dashscope',
    wording: '<400> InternalError.Algo.InvalidParameter: The content field is a required field.',
    pattern: /The content field is a required field/i,
    locates: ['message'],
    rule: 'anthropic.empty-text-block', expect: 'empty',
    sample: '[API Error: 400 <400> InternalError.Algo.InvalidParameter: The content field is a required field.]',
    source: 'QwenLM/qwen-code#5265',
    note: 'No index.'
  },
  {
    id: 'dashscope.forced-tool-choice',
    kind: 'error',
    provider: 'dashscope',
    wording: '<400> InternalError.Algo.InvalidParameter: The tool_choice parameter does not support being set to required or object in thinking mode',
    pattern: /tool_choice parameter does not support being set to required or object in thinking mode/i,
    locates: ['parameter'],
    rule: 'compat.forced-tool-choice-with-thinking',
    sample: '{"error":{"message":"<400> InternalError.Algo.InvalidParameter: The tool_choice parameter does not support being set to required or object in thinking mode","type":"invalid_request_error","param":null,"code":"invalid_parameter_error"}}',
    source: 'cloudwego/eino#994'
  },
  {
    id: 'dashscope.invalid-type-content',
    kind: 'error',
    provider: 'dashscope',
    wording: "Invalid type for 'messages.[N].content': expected one of a string or array of objects, but got an object instead.",
    pattern: /Invalid type for '?messages\.\[\d+\]\.content'?: expected one of a string or array of objects/i,
    locates: ['message'],
    sample: "error, status code: 400, status: 400 Bad Request, message: Invalid type for 'messages.[0].content': expected one of a string or array of objects, but got an object instead.",
    source: 'coze-dev/coze-studio#2317',
    note: "DashScope's OpenAI-compatible mode, OpenAI's wording."
  },
  {
    id: 'dashscope.role-or-empty-content',
    kind: 'error',
    provider: 'dashscope',
    wording: 'Role must be user or assistant and Content length must be greater than 0',
    pattern: /Role must be user or assistant and Content length must be greater than 0/i,
    locates: ['message'],
    rule: 'anthropic.empty-text-block', expect: 'empty',
    sample: '{"code":"InvalidParameter","message":"Role must be user or assistant and Content length must be greater than 0","request_id":"a1a17b2c-ab3a-9b6f-8994-858509d1361b"}',
    source: 'ikechan8370/chatgpt-plugin#696',
    note: "DashScope's native API; no index."
  },
  {
    id: 'dashscope.messages-missing',
    kind: 'error',
    provider: 'dashscope',
    wording: 'you must provide a messages parameter',
    pattern: /you must provide a messages parameter/i,
    locates: ['parameter'],
    sample: '{"error":{"message":"you must provide a messages parameter","type":"invalid_request_error","param":"message","code":"missing_required_parameter"},"request_id":"chatcmpl-2173c278-20a2-9e52-9795-d0314a4253ae"}',
    source: 'alibaba/spring-ai-alibaba#4463'
  },
  {
    id: 'dashscope.unexpected-item-type',
    kind: 'error',
    provider: 'dashscope',
    wording: '<400> InternalError.Algo.InvalidParameter: The provided messages input is invalid. The error info is [Unexpected item type in content.]',
    pattern: /Unexpected item type in content/i,
    locates: ['message', 'block', 'part-type'],
    rule: 'compat.unsupported-block-type', part: { type: 'not:text' },
    sample: 'Error: 400 <400> InternalError.Algo.InvalidParameter: The provided messages input is invalid. The error info is [Unexpected item type in content.]',
    source: 'can1357/oh-my-pi PR#1861',
    note: 'An image sent to a text-only Qwen: the first part that is not text.'
  }
]
