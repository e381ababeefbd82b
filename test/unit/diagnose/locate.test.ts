// Which message an error means: indices counted by a relay in the other format, ids, part types, nesting,
// and rule attribution that follows the text, not whatever sits on the same message.
import { describe, expect, it } from 'vitest'
import { parseLocations } from '../../../src/main/core/diagnose/error-location'
import { embeddedObjects, readObject } from '../../../src/main/core/diagnose/embedded-object'
import { anthropicBody, anthropicToolSession, assistant, call, fail, openaiBody, system, text, thinking, toolMsg, toolResult, toolUse, user } from './helpers'

const KIMI = (n: number): string => JSON.stringify({ error: { message: `thinking is enabled but reasoning_content is missing in assistant tool call message at index ${n}`, type: 'invalid_request_error' } })

describe('an index counted in the other format', () => {
  it('Kimi behind an Anthropic→OpenAI relay counts the system prompt: index 4 is Anthropic message 3', () => {
    // Claude Code → new-api → Kimi (new-api#3121): the relay turns `system` into message 0.
    const body = anthropicBody(anthropicToolSession(3, (k) => k !== 1), { model: 'kimi-k2.5', system: 'You are Claude Code.' })
    const d = fail('anthropic', body, KIMI(4))
    expect(d.culprit).toEqual({ messageIndex: 3, blockIndex: null, rule: 'compat.reasoning-passback-missing' })
  })

  it('…and the same index on the request itself stays where it is when that message is the one', () => {
    const body = anthropicBody(anthropicToolSession(3, (k) => k !== 1), { model: 'kimi-k2.5' })
    expect(fail('anthropic', body, KIMI(3)).culprit?.messageIndex).toBe(3)
  })

  it('tool results split into several OpenAI messages count once each', () => {
    // Anthropic: user, assistant[2 calls], user[2 results], assistant[call, no thinking]; OpenAI: +system, the results as two tool messages.
    const body = anthropicBody(
      [user('go'), assistant([thinking('p'), toolUse('t1'), toolUse('t2')]), user([toolResult('t1'), toolResult('t2')]), assistant([toolUse('t3')]), user([toolResult('t3')])],
      { model: 'kimi-k2.5', system: 's' }
    )
    expect(fail('anthropic', body, KIMI(5)).culprit?.messageIndex).toBe(3)
  })

  it("Anthropic's dotted path behind an OpenAI→Anthropic relay skips the system messages", () => {
    // crush → OpenRouter → Claude (charmbracelet/crush#910): `messages.1.content.0` is OpenAI message 2.
    const body = openaiBody([system('s'), user('hi'), { role: 'assistant', content: [{ type: 'text', text: { not: 'a string' } }] }, user('?')], { model: 'anthropic/claude-sonnet-4' })
    const error = '{"error":{"message":"Provider returned error","code":400,"metadata":{"raw":"{\\"type\\":\\"error\\",\\"error\\":{\\"type\\":\\"invalid_request_error\\",\\"message\\":\\"messages.1.content.0.text.text: Input should be a valid string\\"}}","provider_name":"Google"}}}'
    const d = fail('openai', body, error)
    expect(d.error?.chain).toEqual(['OpenRouter', 'Anthropic'])
    expect(d.culprit).toMatchObject({ messageIndex: 2, blockIndex: 0 })
  })

  it("DashScope's `message[N].role` may name the message after the unanswered call", () => {
    const body = openaiBody([system('s'), user('go'), { role: 'assistant', content: '', tool_calls: [call('c1')] }, user('and?')], { model: 'qwen3-coder-plus' })
    const error = '<400> InternalError.Algo.InvalidParameter: An assistant message with "tool_calls" must be followed by tool messages responding to each "tool_call_id". The following tool_call_ids did not have response messages: message[3].role'
    expect(fail('openai', body, JSON.stringify({ error: { message: error, type: 'invalid_request_error', code: 'invalid_parameter_error' } })).culprit).toEqual({
      messageIndex: 2,
      blockIndex: 0,
      rule: 'anthropic.tool-use-without-result'
    })
  })
})

describe('ids and parts', () => {
  it('an id wins over the index beside it, in any wording', () => {
    // An unknown wording that names an id and an index of a neighbouring message.
    const body = openaiBody([system('s'), user('go'), { role: 'assistant', content: '', tool_calls: [call('call_zz9Q1')] }, user('?')], { model: 'gpt-4o' })
    const d = fail('openai', body, '{"error":{"message":"call call_zz9Q1 has no output (messages.[3])","type":"invalid_request_error"}}')
    expect(d.culprit).toMatchObject({ messageIndex: 2, blockIndex: 0 })
    expect(d.culpritVia).toBe('tool-id')
  })

  it('a part type names the block of the message; Anthropic `image` stands for OpenAI `image_url`', () => {
    const body = anthropicBody([user('hi'), assistant('ok'), user([text('see'), { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'x' } }])], { model: 'deepseek-v4-pro' })
    const error = '{"error":{"message":"Failed to deserialize the JSON body into the target type: messages[2]: unknown variant `image_url`, expected `text` at line 1 column 9","type":"invalid_request_error"}}'
    expect(fail('anthropic', body, error).culprit).toEqual({ messageIndex: 2, blockIndex: 1, rule: 'compat.unsupported-block-type' })
  })
})

describe('a wording the table does not know', () => {
  it('that speaks of empty content, with no index: the first empty message', () => {
    const body = openaiBody([system('s'), user('hi'), user(''), { role: 'assistant', content: 'ok' }], { model: 'some-model' })
    expect(fail('openai', body, '{"error":{"message":"message content must not be empty","type":"invalid_request_error"}}').culprit).toMatchObject({ messageIndex: 2 })
  })
})

describe('rule attribution follows the text', () => {
  it('a tool pairing error with no index is not blamed on reasoning pass-back at the same message', () => {
    // The assistant turn both lacks reasoning (R02, an error on DeepSeek) and has an unanswered call (R17).
    const body = openaiBody([system('s'), user('go'), { role: 'assistant', content: '', tool_calls: [call('c1'), call('c2')] }, toolMsg('c1'), user('?')], { model: 'deepseek-v4-pro' })
    const d = fail('openai', body, '{"error":{"message":"An assistant message with \'tool_calls\' must be followed by tool messages responding to each \'tool_call_id\'. (insufficient tool messages following tool_calls message)","type":"invalid_request_error"}}')
    expect(d.findings.map((f) => f.ref)).toContain('R02')
    expect(d.culprit).toEqual({ messageIndex: 2, blockIndex: 1, rule: 'anthropic.tool-use-without-result' })
  })

  it('an unknown wording about tool results weighs the pairing rules, not the reasoning rule', () => {
    const body = openaiBody([system('s'), user('go'), { role: 'assistant', content: '', tool_calls: [call('c1')] }, user('?')], { model: 'deepseek-v4-pro' })
    const d = fail('openai', body, '{"error":{"message":"each tool call needs a tool message after it","type":"invalid_request_error"}}')
    expect(d.culprit?.rule).toBe('anthropic.tool-use-without-result')
  })
})

describe('nesting', () => {
  it('JSON in a string in JSON in a Python repr in a LiteLLM text, three relays deep', () => {
    const anthropic = JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message: 'messages.2: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_9Xy1.' } })
    const openrouter = JSON.stringify({ error: { message: 'Provider returned error', code: 400, metadata: { raw: anthropic, provider_name: 'Anthropic' } } })
    const python = `{'error': {'message': 'litellm.BadRequestError: OpenrouterException - ${openrouter.replace(/'/g, "\\'")}', 'type': None, 'param': None, 'code': '400'}}`
    const body = JSON.stringify({ detail: `Error code: 400 - ${python} (request id: 2026abc)` })
    const d = fail('anthropic', anthropicBody([user('go'), assistant('ok'), assistant([toolUse('toolu_9Xy1')]), user('?')], { model: 'claude-sonnet-4-5' }), body)
    expect(d.error?.chain).toEqual(['LiteLLM', 'OpenRouter', 'Anthropic'])
    expect(d.culprit).toEqual({ messageIndex: 2, blockIndex: 0, rule: 'anthropic.tool-use-without-result' })
  })

  it('reads Python reprs and finds objects inside texts', () => {
    expect(readObject("{'a': None, 'b': [True, 'it\\'s'], 'c': 1.5}")).toEqual({ a: null, b: [true, "it's"], c: 1.5 })
    expect(embeddedObjects("Error code: 400 - {'error': {'code': '1214'}} and then {\"x\": 1}").map((e) => e.value)).toEqual([{ error: { code: '1214' } }, { x: 1 }])
    expect(embeddedObjects("it doesn't {break")).toEqual([])
  })
})

describe('parseLocations', () => {
  it.each([
    ['message[3].content[2] has invalid field(s): text', 3, 2],
    ['messages［4］:content和tool_calls 字段不能同时为空', 4, null],
    ["Invalid type for 'messages.[0].content': expected one of a string", 0, null],
    ['the message at position 72 with role \'assistant\' must not be empty', 72, null],
    ['messages.168.content.0.tool_result.content.1.image.source.base64: image exceeds 5 MB maximum', 168, 0]
  ])('%s', (t, message, block) => {
    expect(parseLocations(t)[0]).toMatchObject({ messageIndex: message, blockIndex: block })
  })

  it('reads no index where there is none', () => {
    for (const t of ['Range of input length should be [1, 983616]', "Missing required parameter: 'tools[0].name'.", 'messages.content.type 参数非法，取值范围 [\'text\']']) expect(parseLocations(t)).toEqual([])
  })
})
