// Tool pairing and tool shape rules: R17, R18, R19, R20, R21.
import { describe, expect, it } from 'vitest'
import { toolUseWithoutResult } from '../../../src/main/core/diagnose/rules/r17-tool-use-without-result'
import { toolResultWithoutUse } from '../../../src/main/core/diagnose/rules/r18-tool-result-without-use'
import { toolCallIdHygiene } from '../../../src/main/core/diagnose/rules/r19-tool-call-id-hygiene'
import { toolMessageShape } from '../../../src/main/core/diagnose/rules/r20-tool-message-shape'
import { duplicateToolNames } from '../../../src/main/core/diagnose/rules/r21-duplicate-tool-names'
import {
  anthropicBody,
  anthropicError,
  assistant,
  call,
  ctx,
  fail,
  mimoError,
  openaiBody,
  system,
  text,
  thinking,
  toolMsg,
  toolResult,
  toolUse,
  user
} from './helpers'

const CLAUDE = { model: 'claude-sonnet-4-5' }
const R17 = 'anthropic.tool-use-without-result'
const R18 = 'anthropic.tool-result-without-use'

describe('R17 tool call without result', () => {
  const anthropicOrphan = [
    user('go'),
    assistant([thinking('plan'), toolUse('toolu_A'), toolUse('toolu_B')]),
    user([toolResult('toolu_A')]),
    assistant([text('Done.')]),
    user('next')
  ]

  it('Anthropic: names the ids with no tool_result in the next message', () => {
    const [f] = toolUseWithoutResult(ctx('anthropic', anthropicBody(anthropicOrphan, CLAUDE)))
    expect(f).toMatchObject({ ref: 'R17', severity: 'error', messageIndex: 1, blockIndex: 2, path: 'messages[1].content[2]', fixIds: ['add-tool-result'] })
    expect(f.message).toContain('toolu_B')
    // MiMo's behaviour is unknown: a warning.
    expect(toolUseWithoutResult(ctx('anthropic', anthropicBody(anthropicOrphan)))[0].severity).toBe('warning')
  })

  it('Anthropic: a text block before the tool_result does not count (qwen-code#8161)', () => {
    const messages = [user('go'), assistant([toolUse('toolu_A')]), user([text('Here you go'), toolResult('toolu_A')])]
    const [f] = toolUseWithoutResult(ctx('anthropic', anthropicBody(messages, CLAUDE)))
    expect(f.message).toContain('come after other content')
  })

  it('does not check a trailing assistant message (still waiting for results)', () => {
    expect(toolUseWithoutResult(ctx('anthropic', anthropicBody([user('go'), assistant([toolUse('toolu_A')])], CLAUDE)))).toEqual([])
  })

  it('OpenAI: every tool_call id needs a tool message in the run that follows', () => {
    const messages = [
      system('s'),
      user('go'),
      { role: 'assistant', content: '', reasoning_content: 'plan', tool_calls: [call('call_1'), call('call_2')] },
      toolMsg('call_1'),
      user('never mind')
    ]
    const [f] = toolUseWithoutResult(ctx('openai', openaiBody(messages)))
    expect(f).toMatchObject({ messageIndex: 2, blockIndex: 1, path: 'messages[2].tool_calls[1]', severity: 'warning' })
  })

  it("diagnose: Anthropic's `messages.N:` names the assistant message", () => {
    const d = fail(
      'anthropic',
      anthropicBody(anthropicOrphan, CLAUDE),
      anthropicError('messages.1: `tool_use` ids were found without `tool_result` blocks immediately after: toolu_B. Each `tool_use` block must have a corresponding `tool_result` block in the next message.')
    )
    expect(d.culprit).toEqual({ messageIndex: 1, blockIndex: 2, rule: R17 })
  })

  it("diagnose: Bedrock's `messages.N.content` names the user message after it (W8)", () => {
    const messages = [...anthropicOrphan.slice(0, 3), assistant([toolUse('toolu_C')]), user([toolResult('toolu_X')])]
    const d = fail(
      'anthropic',
      anthropicBody(messages, CLAUDE),
      '{"message":"Expected toolResult blocks at messages.4.content for the following Ids: toolu_C"}'
    )
    expect(d.error?.location).toMatchObject({ messageIndex: 4 })
    expect(d.culprit).toEqual({ messageIndex: 3, blockIndex: 0, rule: R17 })
  })
})

describe('R18 tool result without call', () => {
  it('Anthropic: a tool_result whose id is not in the previous assistant message', () => {
    const messages = [user([text('continuing'), toolResult('T1')]), assistant([text('ok')]), user('go')]
    const [f] = toolResultWithoutUse(ctx('anthropic', anthropicBody(messages, CLAUDE)))
    expect(f).toMatchObject({ ref: 'R18', severity: 'error', messageIndex: 0, blockIndex: 1, fixIds: ['drop-orphan-tool-result'] })
    const d = fail(
      'anthropic',
      anthropicBody(messages, CLAUDE),
      anthropicError('messages.0.content.1: unexpected `tool_use_id` found in `tool_result` blocks: T1. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.')
    )
    expect(d.culprit).toEqual({ messageIndex: 0, blockIndex: 1, rule: R18 })
  })

  it('OpenAI: a tool message after compaction answers nothing (pi#4602, via OpenRouter)', () => {
    const messages = [toolMsg('call_9'), user('go'), { role: 'assistant', content: '', reasoning_content: 'p', tool_calls: [call('call_1')] }, toolMsg('call_1'), toolMsg('call_2')]
    const found = toolResultWithoutUse(ctx('openai', openaiBody(messages)))
    expect(found.map((f) => [f.messageIndex, f.path])).toEqual([
      [0, 'messages[0].tool_call_id'],
      [4, 'messages[4].tool_call_id']
    ])
    const body = `{"error":{"message":"Provider returned error","code":400,"metadata":{"raw":${JSON.stringify(
      JSON.stringify({
        error: {
          message: "Input should be <ChatMessageRole.TOOL: 'tool'>",
          type: 'invalid_request_error',
          param: 'messages.0.function-after[_normalize_content(), ChatCompletionToolMessage].role',
          code: null
        }
      })
    )},"provider_name":"Xiaomi"}}}`
    const d = fail('openai', openaiBody(messages, { model: 'xiaomi/mimo-v2-flash' }), body)
    expect(d.culprit).toEqual({ messageIndex: 0, blockIndex: null, rule: R18 })
  })
})

describe('R19 reused tool call ids', () => {
  it('flags the second use of an id, both formats', () => {
    const anth = [user('go'), assistant([toolUse('t1')]), user([toolResult('t1')]), assistant([toolUse('t1')]), user([toolResult('t1')])]
    expect(toolCallIdHygiene(ctx('anthropic', anthropicBody(anth)))).toMatchObject([{ ref: 'R19', severity: 'warning', messageIndex: 3, blockIndex: 0 }])
    const oai = [
      user('go'),
      { role: 'assistant', content: '', reasoning_content: 'p', tool_calls: [call('functions.read:0')] },
      toolMsg('functions.read:0'),
      { role: 'assistant', content: '', reasoning_content: 'p', tool_calls: [call('functions.read:1'), call('functions.read:0')] },
      toolMsg('functions.read:1'),
      toolMsg('functions.read:0')
    ]
    expect(toolCallIdHygiene(ctx('openai', openaiBody(oai)))).toMatchObject([{ messageIndex: 3, blockIndex: 1, path: 'messages[3].tool_calls[1].id' }])
  })
})

describe('R20 MiMo tool message shape (OpenAI path)', () => {
  it('assistant content null with tool_calls is an error; an absent key a warning', () => {
    const messages = [
      user('go'),
      { role: 'assistant', content: null, reasoning_content: 'p', tool_calls: [call('call_1')] },
      toolMsg('call_1'),
      { role: 'assistant', reasoning_content: 'p', tool_calls: [call('call_2')] },
      toolMsg('call_2')
    ]
    const found = toolMessageShape(ctx('openai', openaiBody(messages)))
    expect(found).toMatchObject([
      { ref: 'R20', severity: 'error', messageIndex: 1, path: 'messages[1].content', fixIds: ['null-content-to-empty'] },
      { severity: 'warning', messageIndex: 3 }
    ])
    // Standard OpenAI accepts null content: only MiMo is checked.
    expect(toolMessageShape(ctx('openai', openaiBody(messages, { model: 'gpt-4.1' })))).toEqual([])
  })

  it('tool content as a list with an image is an error; text-only parts are fine', () => {
    const image = { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBOR' } }
    const messages = [user('go'), { role: 'assistant', content: '', reasoning_content: 'p', tool_calls: [call('c1'), call('c2')] }, toolMsg('c1', [{ type: 'text', text: 'a' }]), toolMsg('c2', [{ type: 'text', text: 'b' }, image])]
    expect(toolMessageShape(ctx('openai', openaiBody(messages)))).toMatchObject([{ messageIndex: 3, severity: 'error', fixIds: ['flatten-tool-content'] }])
  })

  it.each([
    ['`text` is not present', 1],
    ['`text` is not set', 3]
  ])('diagnose: MiMo param %s → that message', (param, index) => {
    const image = { type: 'image_url', image_url: { url: 'https://x/y.png' } }
    const messages = [user('go'), { role: 'assistant', content: null, reasoning_content: 'p', tool_calls: [call('c1')] }, toolMsg('c1', 'ok'), { role: 'assistant', content: '', reasoning_content: 'p', tool_calls: [call('c2')] }, toolMsg('c2', [image])]
    const body = index === 1 ? messages.slice(0, 3) : [messages[0], { ...(messages[1] as object), content: '' }, ...messages.slice(2)]
    const target = index === 1 ? 1 : 4
    const d = fail('openai', openaiBody(body), mimoError(param))
    expect(d.culprit).toEqual({ messageIndex: target, blockIndex: null, rule: 'mimo.tool-message-shape' })
  })
})

describe('R21 duplicate tool names', () => {
  const fn = (name: string) => ({ type: 'function', function: { name, parameters: {} } })

  it('flags each duplicate, OpenAI and Anthropic tool shapes', () => {
    const body = openaiBody([user('hi')], { tools: [fn('mcp__maps_direction_walking'), fn('read'), fn('mcp__maps_direction_walking')] })
    expect(duplicateToolNames(ctx('openai', body))).toMatchObject([{ ref: 'R21', severity: 'error', messageIndex: null, path: 'tools[2].function.name', fixIds: ['dedupe-tool-names'] }])
    const anth = anthropicBody([user('hi')], { tools: [{ name: 'read', input_schema: {} }, { name: 'read', input_schema: {} }] })
    expect(duplicateToolNames(ctx('anthropic', anth))).toMatchObject([{ path: 'tools[1].name', severity: 'error' }])
    expect(duplicateToolNames(ctx('anthropic', { ...anth, model: 'claude-sonnet-4-5' }))).toMatchObject([{ severity: 'warning' }])
  })

  it('diagnose (rikkahub#1170): the finding matches, but a tool is not a message, so no culprit', () => {
    const body = openaiBody([user('hi')], { tools: [fn('mcp__maps_direction_walking'), fn('mcp__maps_direction_walking')] })
    const d = fail('openai', body, mimoError('tools contains duplicate names: mcp__maps_direction_walking'))
    expect(d.findings[0]).toMatchObject({ ref: 'R21', matchesError: true })
    expect(d.culprit).toBeNull()
  })
})
