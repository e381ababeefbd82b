// Every error wrapper of docs/wire-formats.md §3 (W1–W8), with the exact bodies the reports quote.
import { describe, expect, it } from 'vitest'
import { parseLocation } from '../../../src/main/core/diagnose/error-location'
import { unwrapError } from '../../../src/main/core/diagnose/unwrap-error'
import { MIMO_REASONING } from './helpers'

const MIMO_BODY = `{"error":{"code":"400","message":"Param Incorrect","param":"${MIMO_REASONING}","type":""}}`

describe('unwrapError: MiMo (W1, W2)', () => {
  it('takes the reason from `param` and keeps the generic message apart (W1)', () => {
    expect(unwrapError(400, MIMO_BODY, 'application/json')).toEqual({
      status: 400,
      wrappers: [],
      provider: 'mimo',
      chain: ['MiMo'],
      dialect: 'mimo.reasoning-passback',
      names: { toolIds: [], partType: null, parameter: null, missingField: null },
      type: null,
      code: '400',
      message: MIMO_REASONING,
      genericMessage: 'Param Incorrect',
      location: null
    })
  })

  it('strips the `data:` prefix, with or without a space, with or without a content type (W2)', () => {
    for (const body of [`data:${MIMO_BODY}`, `data: ${MIMO_BODY}`, `data:${MIMO_BODY}\n\n`]) {
      for (const type of ['text/event-stream', 'application/json', null]) {
        const error = unwrapError(400, body, type)
        expect(error).toMatchObject({ wrappers: ['sse-data-prefix'], provider: 'mimo', message: MIMO_REASONING, genericMessage: 'Param Incorrect', code: '400' })
      }
    }
  })

  it('takes the first event that holds an error when there are several', () => {
    const body = 'data: {"choices":[{"delta":{"content":"Hel"}}]}\n\ndata:{"error":{"code":"400","message":"Param Incorrect","param":"tools contains duplicate names: mcp__maps_direction_walking","type":""}}\n\ndata:{"error":{"code":"500","message":"later"}}\n\n'
    expect(unwrapError(200, body, 'text/event-stream')).toMatchObject({
      status: 200,
      provider: 'mimo',
      message: 'tools contains duplicate names: mcp__maps_direction_walking'
    })
  })

  it("keeps MiMo's 401 message and its param both (R30)", () => {
    const error = unwrapError(401, '{"error":{"message":"Invalid API Key","param":"Please provide valid API Key","code":"401","type":"invalid_key"}}')
    expect(error).toMatchObject({ provider: 'mimo', code: '401', type: 'invalid_key', message: 'Invalid API Key', genericMessage: 'Please provide valid API Key' })
  })

  it("reads MiMo's 429 and 403 bodies", () => {
    expect(unwrapError(429, '{"error":{"code":"429","message":"Too many requests","type":"limitation"}}')).toMatchObject({
      provider: 'mimo',
      code: '429',
      message: 'Too many requests',
      genericMessage: null
    })
    expect(unwrapError(403, '{"error":{"code":"403","message":"Illegal access","type":"illegal_access"}}')).toMatchObject({ provider: 'mimo', message: 'Illegal access' })
  })

  it('reads `[1]` bracket indices (W8, MiMo#54)', () => {
    const error = unwrapError(400, mimo("messages[1].role must be either 'user' or 'assistant', but got 'system'"))
    expect(error?.location).toEqual({ messageIndex: 1, blockIndex: null, text: 'messages[1]' })
  })
})

function mimo(param: string): string {
  return JSON.stringify({ error: { code: '400', message: 'Param Incorrect', param, type: '' } })
}

describe('unwrapError: Anthropic native and streamed (W3)', () => {
  it('reads the error object and its `messages.N.content.M` location', () => {
    const body = '{"type":"error","error":{"type":"invalid_request_error","message":"messages.1.content.0: Invalid `signature` in `thinking` block"},"request_id":"req_011CUdL49e3Fu9bCKbWF6cXD"}'
    expect(unwrapError(400, body)).toEqual({
      status: 400,
      wrappers: [],
      provider: 'anthropic',
      chain: ['Anthropic'],
      dialect: 'anthropic.invalid-signature',
      names: { toolIds: [], partType: null, parameter: null, missingField: null },
      type: 'invalid_request_error',
      code: null,
      message: 'messages.1.content.0: Invalid `signature` in `thinking` block',
      genericMessage: null,
      location: { messageIndex: 1, blockIndex: 0, text: 'messages.1.content.0' }
    })
  })

  it('finds the `event: error` of a 200 stream, and returns null for a clean one', () => {
    const ok = 'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1"}}\n\nevent: message_stop\ndata: {"type":"message_stop"}\n\n'
    expect(unwrapError(200, ok, 'text/event-stream')).toBeNull()
    const broken = ok.replace('event: message_stop', 'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\nevent: message_stop')
    expect(unwrapError(200, broken, 'text/event-stream')).toMatchObject({ wrappers: ['sse-error-event'], provider: 'anthropic', type: 'overloaded_error', message: 'Overloaded' })
    expect(unwrapError(200, 'event: error\ndata: upstream went away\n\n')).toMatchObject({ message: 'upstream went away' })
  })

  it('returns null for 2xx bodies without an error, and a bare status text for empty error bodies', () => {
    expect(unwrapError(200, '{"id":"x","type":"message","content":[]}')).toBeNull()
    expect(unwrapError(200, null)).toBeNull()
    expect(unwrapError(200, 'plain text')).toBeNull()
    expect(unwrapError(200, '{"message":"ok","code":0}')).toBeNull()
    expect(unwrapError(200, 'data: {"message":"a chunk","level":"error"}\n\n')).toBeNull()
    expect(unwrapError(500, '')).toMatchObject({ status: 500, message: 'HTTP 500', location: null })
    expect(unwrapError(502, 'Bad Gateway')).toMatchObject({ message: 'Bad Gateway' })
  })
})

describe('unwrapError: wrappers (W4–W7)', () => {
  it('Vertex: Anthropic JSON as a string in error.message (W4)', () => {
    const inner = '{"type":"error","error":{"type":"invalid_request_error","message":"messages.1.content.0.thinking.signature: Field required"},"request_id":"req_vrtx_011CVa"}'
    const body = JSON.stringify({ error: { code: 400, message: inner, status: 'INVALID_ARGUMENT' } })
    expect(unwrapError(400, body)).toMatchObject({
      wrappers: ['vertex'],
      provider: 'anthropic',
      type: 'invalid_request_error',
      code: '400',
      message: 'messages.1.content.0.thinking.signature: Field required',
      location: { messageIndex: 1, blockIndex: 0 }
    })
  })

  it("OpenRouter: the provider's JSON in metadata.raw (W5, MiMo via OpenRouter)", () => {
    const body =
      '{"error":{"message":"Provider returned error","code":400,"metadata":{"raw":"{\\"error\\":{\\"code\\":\\"400\\",\\"message\\":\\"Param Incorrect\\",\\"param\\":\\"`text` is not present\\",\\"type\\":\\"\\"}}","provider_name":"Xiaomi"}}}'
    expect(unwrapError(400, body)).toMatchObject({
      wrappers: ['openrouter'],
      provider: 'mimo',
      code: '400',
      message: '`text` is not present',
      genericMessage: 'Param Incorrect'
    })
  })

  it('OpenRouter: Anthropic inside, provider from provider_name when the raw text is plain', () => {
    const raw = JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: 'messages.0.content.1: unexpected `tool_use_id` found in `tool_result` blocks: T1. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.' } })
    const error = unwrapError(400, JSON.stringify({ error: { message: 'Provider returned error', code: 400, metadata: { raw, provider_name: 'Anthropic' } } }))
    expect(error).toMatchObject({ wrappers: ['openrouter'], provider: 'anthropic', location: { messageIndex: 0, blockIndex: 1 } })
    expect(unwrapError(400, JSON.stringify({ error: { message: 'Provider returned error', code: 400, metadata: { raw: 'upstream timeout', provider_name: 'DeepSeek' } } }))).toMatchObject({
      provider: 'deepseek',
      message: 'upstream timeout',
      genericMessage: 'Provider returned error'
    })
  })

  it('OpenRouter (pi#4602): a path-like param is prefixed to the message', () => {
    const body = `{"error":{"message":"Input should be <ChatMessageRole.TOOL: 'tool'>","type":"invalid_request_error","param":"messages.0.function-after[_normalize_content(), ChatCompletionToolMessage].role","code":null}}`
    const error = unwrapError(400, body)
    expect(error?.message).toBe("messages.0.function-after[_normalize_content(), ChatCompletionToolMessage].role: Input should be <ChatMessageRole.TOOL: 'tool'>")
    expect(error?.location).toMatchObject({ messageIndex: 0, blockIndex: null })
  })

  it('Bedrock: "The model returned the following errors:" (W6, LibreChat#8346)', () => {
    const body = '{"message":"The model returned the following errors: thinking.enabled.budget_tokens: Input should be greater than or equal to 1024"}'
    expect(unwrapError(400, body)).toMatchObject({ wrappers: ['bedrock'], provider: 'anthropic', message: 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024', location: null })
  })

  it("LiteLLM: `AnthropicException - b'{...}'` inside an OpenAI error (W6)", () => {
    const inner = '{"type":"error","error":{"type":"invalid_request_error","message":"messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found `tool_use`. When `thinking` is enabled, a final `assistant` message must start with a thinking block."}}'
    const body = JSON.stringify({ error: { message: `litellm.BadRequestError: AnthropicException - b'${inner}'`, type: null, param: null, code: '400' } })
    expect(unwrapError(400, body)).toMatchObject({
      wrappers: ['litellm'],
      provider: 'anthropic',
      type: 'invalid_request_error',
      location: { messageIndex: 1, blockIndex: 0 }
    })
  })

  it('LiteLLM around Bedrock: both layers, outermost first (opencode#3077)', () => {
    const body = JSON.stringify({
      error: {
        message:
          'litellm.BadRequestError: BedrockException - {"message":"The model returned the following errors: messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found `tool_use`."}',
        code: '400'
      }
    })
    expect(unwrapError(400, body)).toMatchObject({ wrappers: ['litellm', 'bedrock'], provider: 'anthropic', location: { messageIndex: 1, blockIndex: 0 } })
  })

  it('DeepSeek: OpenAI-shaped, told apart by its text or its octet-stream content type (W7)', () => {
    const body = '{"error":{"message":"The `content[].thinking` in the thinking mode must be passed back to the API. [trace_id=783a70b2b0552dbaecfaa223d1155df8]","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}'
    expect(unwrapError(400, body)).toMatchObject({ provider: 'deepseek', type: 'invalid_request_error', code: 'invalid_request_error', location: null })
    const plain = '{"error":{"message":"Something else","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}'
    expect(unwrapError(400, plain, 'application/octet-stream')?.provider).toBe('deepseek')
    expect(unwrapError(400, plain, 'application/json')?.provider).toBe('openai')
    expect(unwrapError(400, '{"error":{"message":"400 Missing `reasoning_content` field in the assistant message at message index 2. For more information, please refer to https://api-docs.deepseek.com/guides/thinking_mode#tool-calls","type":"invalid_request_error"}}')).toMatchObject({
      provider: 'deepseek',
      location: { messageIndex: 2, blockIndex: null, text: 'message index 2' }
    })
  })

  it('Kimi: `at index N`, in OpenAI and Anthropic shapes', () => {
    const text = 'thinking is enabled but reasoning_content is missing in assistant tool call message at index 2'
    expect(unwrapError(400, JSON.stringify({ error: { message: text, type: 'invalid_request_error' } }))).toMatchObject({ provider: 'moonshot', location: { messageIndex: 2 } })
    expect(unwrapError(400, JSON.stringify({ error: { type: 'invalid_request_error', message: text }, type: 'error' }))).toMatchObject({ provider: 'moonshot', location: { messageIndex: 2 } })
    expect(unwrapError(400, '{"code":20015,"message":"' + text + '","data":null}')).toMatchObject({ code: '20015', location: { messageIndex: 2 } })
  })

  it('GLM bare bodies and HTML pages still give a readable message', () => {
    // The status the gateway put in front of the text is noise; GLM's wording tells the provider.
    expect(unwrapError(400, '{"message":"400 Invalid API parameter, please check the documentation.","code":"1210"}')).toMatchObject({
      code: '1210',
      provider: 'zhipu',
      message: 'Invalid API parameter, please check the documentation.'
    })
    const html = '<html><head><title>451 Unavailable For Legal Reasons</title></head><body><h1>451</h1> Access denied due to cross-border isolation policy</body></html>'
    expect(unwrapError(451, html)?.message).toBe('451 Unavailable For Legal Reasons 451 Access denied due to cross-border isolation policy')
  })
})

describe('parseLocation (W8)', () => {
  it.each([
    ['messages.6: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_01AbmHJypDhKqBF7NKdRPJ6d.', 6, null],
    ['messages.87.content.1.text: cache_control cannot be set for empty text blocks', 87, 1],
    ['Expected toolResult blocks at messages.2.content for the following Ids: tooluse_jQ912rboYgzgLULQpRxWot', 2, null],
    ["messages[1].role must be either 'user' or 'assistant', but got 'system'", 1, null],
    ['messages[73].tool_calls[*] reuses id "functions.read:0" already seen earlier.', 73, null],
    ['messages[3].tool_calls[1].function.arguments is not valid JSON', 3, 1],
    ['messages[4].content[2] is invalid', 4, 2],
    ["messages.[2].content: Invalid value for 'content': expected a string, got null.", 2, null],
    ['reasoning_content is missing in assistant tool call message at index 7', 7, null],
    ['Missing `reasoning_content` field in the assistant message at message index 2.', 2, null],
    ['The content field at messages.5.content.0.toolResult cannot be empty when status value is error.', 5, 0]
  ])('%s', (text, messageIndex, blockIndex) => {
    expect(parseLocation(text)).toMatchObject({ messageIndex, blockIndex })
  })

  it('finds nothing in texts without an index', () => {
    expect(parseLocation(MIMO_REASONING)).toBeNull()
    expect(parseLocation('messages: text content blocks must be non-empty')).toBeNull()
    expect(parseLocation('thinking.enabled.budget_tokens: Input should be greater than or equal to 1024')).toBeNull()
  })
})
