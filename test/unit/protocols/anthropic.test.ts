import { describe, expect, it } from 'vitest'
import type { SseEventView } from '../../../src/shared/types'
import { anthropicMessageFromJson, reassembleAnthropicStream } from '../../../src/main/core/protocols/anthropic'
import { parseSse } from '../../../src/main/core/protocols/sse'
import { fixture, toCrlf } from './fixtures'

const reassemble = (text: string) => reassembleAnthropicStream(parseSse(text).events)
const ev = (data: unknown, event: string | null = null): SseEventView => ({
  event,
  data: typeof data === 'string' ? data : JSON.stringify(data),
  atMs: null
})

describe('reassembleAnthropicStream', () => {
  it('rebuilds thinking (with signature after an empty thinking_delta) and text from the recorded stream', () => {
    for (const body of [fixture('anthropic-thinking-text.sse'), toCrlf(fixture('anthropic-thinking-text.sse'))]) {
      const { message, problems } = reassemble(body)
      expect(problems).toEqual([])
      expect(message).toMatchObject({
        protocol: 'anthropic',
        id: 'msg_01Y6V41gqPaKWEw7iPouH7iW',
        model: 'claude-sonnet-4-5-20250929',
        role: 'assistant',
        stopReason: 'end_turn',
        error: null,
        incomplete: false,
        usage: { inputTokens: 69, outputTokens: 53, cacheReadTokens: 0, reasoningTokens: null }
      })
      expect(message.blocks).toHaveLength(2)
      const [thinking, text] = message.blocks
      expect(thinking).toMatchObject({ type: 'thinking', thinking: 'The previous result' })
      expect(thinking.type === 'thinking' && thinking.signature).toMatch(/^EvQBCkYICxgCKkAxhD4N.*BgB$/)
      expect(text).toEqual({ type: 'text', text: '925' })
    }
  })

  it('replaces the start block input with the parsed input_json_delta concatenation', () => {
    const { message, problems } = reassemble(fixture('anthropic-tool-use.sse'))
    expect(problems).toEqual([])
    expect(message.stopReason).toBe('tool_use')
    expect(message.usage).toEqual({ inputTokens: 849, outputTokens: 47, cacheReadTokens: 0, reasoningTokens: null })
    expect(message.blocks).toEqual([
      {
        type: 'tool_use',
        id: 'toolu_01KFbKqPYSuAKujiL6mTfzYA',
        name: 'json',
        input: { elements: [{ location: 'San Francisco', temperature: 58, condition: 'sunny' }] },
        inputJson: '{"elements": [{"location": "San Francisco", "temperature": 58, "condition": "sunny"}]}',
        inputError: null
      }
    ])
  })

  it('treats a tool_use with only empty partial_json as {}', () => {
    const { message } = reassembleAnthropicStream([
      ev({ type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 't', name: 'now', input: {} } }),
      ev({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '' } }),
      ev({ type: 'content_block_stop', index: 0 }),
      ev({ type: 'message_stop' })
    ])
    expect(message.blocks[0]).toMatchObject({ type: 'tool_use', input: {}, inputJson: '', inputError: null })
  })

  it('marks a truncated stream incomplete and reports the partial tool input as inputError', () => {
    const full = fixture('anthropic-tool-use.sse')
    const cut = full.slice(0, full.indexOf('"partial_json":"}"') - 60)
    const { message } = reassemble(cut)
    expect(message.incomplete).toBe(true)
    expect(message.stopReason).toBeNull()
    expect(message.blocks).toHaveLength(1)
    const block = message.blocks[0]
    expect(block.type).toBe('tool_use')
    if (block.type !== 'tool_use') return
    expect(block.inputJson.startsWith('{"elements"')).toBe(true)
    expect(block.input).toBeNull()
    expect(block.inputError).toMatch(/JSON/)
  })

  it('reports a mid-stream error event in a 200 stream as message.error', () => {
    const { message, problems } = reassemble(fixture('anthropic-overloaded-midstream.sse'))
    expect(problems).toEqual([])
    expect(message.error).toEqual({ type: 'overloaded_error', message: 'Overloaded' })
    expect(message.incomplete).toBe(false) // the error event ended it; it was not cut off
    expect(message.id).toBe('b966dbcad38c48b59d16d8c1f313681b')
    expect(message.blocks).toEqual([{ type: 'text', text: 'Hel' }])
    expect(message.usage).toEqual({ inputTokens: 57, outputTokens: 1, cacheReadTokens: null, reasoningTokens: null })
  })

  it('keeps a plain-text error event as the error', () => {
    const { message, problems } = reassemble('event: error\ndata: upstream went away\n\n')
    expect(message.error).toEqual({ type: null, message: 'upstream went away' })
    expect(problems).toHaveLength(1)
  })

  it("reads MiMo's `data:{\"error\":…}` body on the Anthropic path, taking the reason from param", () => {
    const { message } = reassemble(fixture('mimo-streamed-error.sse'))
    expect(message.error).toEqual({ type: '400', message: 'tools contains duplicate names: mcp__maps_direction_walking' })
    expect(message.blocks).toEqual([])
  })

  it('keeps message_start usage when message_delta omits or nulls a field', () => {
    const { message } = reassembleAnthropicStream([
      ev({ type: 'message_start', message: { id: 'm', usage: { input_tokens: 10, output_tokens: 1, cache_read_input_tokens: 4 } } }),
      ev({ type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { input_tokens: null, output_tokens: 20 } }),
      ev({ type: 'message_stop' })
    ])
    expect(message.usage).toEqual({ inputTokens: 10, outputTokens: 20, cacheReadTokens: 4, reasoningTokens: null })
  })

  it('keeps redacted_thinking data, ignores unknown events and uses data.type when event: lines are missing', () => {
    const { message, problems } = reassembleAnthropicStream([
      ev({ type: 'message_start', message: { id: 'm', model: 'mimo-v2.5-pro', usage: { input_tokens: 1 } } }),
      ev({ type: 'content_block_start', index: 0, content_block: { type: 'redacted_thinking', data: 'opaque==' } }),
      ev({ type: 'content_block_stop', index: 0 }),
      ev({ type: 'brand_new_event', foo: 1 }, 'brand_new_event'),
      ev({ type: 'content_block_start', index: 1, content_block: { type: 'thinking', thinking: '' } }),
      ev({ type: 'content_block_delta', index: 1, delta: { type: 'thinking_delta', thinking: 'hmm' } }),
      ev({ type: 'content_block_stop', index: 1 }),
      ev({ type: 'message_stop' })
    ])
    expect(problems).toEqual([])
    expect(message.blocks).toEqual([
      { type: 'redacted_thinking', data: 'opaque==' },
      // No signature key at start (DeepSeek) and no signature_delta: null, not "".
      { type: 'thinking', thinking: 'hmm', signature: null }
    ])
    expect(message.incomplete).toBe(false)
  })

  it('reports bad JSON and orphan deltas as problems and keeps going', () => {
    const { message, problems } = reassembleAnthropicStream([
      ev('{not json'),
      ev({ type: 'content_block_delta', index: 3, delta: { type: 'text_delta', text: 'x' } }),
      ev({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
      ev({ type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'x' } }),
      ev({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'ok' } }),
      ev({ type: 'message_stop' })
    ])
    expect(problems).toHaveLength(4) // bad JSON, orphan delta, misfit delta, block never stopped
    expect(message.blocks).toEqual([{ type: 'text', text: 'ok' }])
  })
})

describe('anthropicMessageFromJson', () => {
  it("reads MiMo's non-stream sample (32-hex id, no stop_sequence)", () => {
    const message = anthropicMessageFromJson({
      id: 'b966dbcad38c48b59d16d8c1f313681b',
      type: 'message',
      role: 'assistant',
      model: 'mimo-v2.5-pro',
      stop_reason: 'end_turn',
      content: [{ type: 'text', text: 'hi' }],
      usage: { input_tokens: 57, output_tokens: 54 }
    })
    expect(message).toEqual({
      protocol: 'anthropic',
      id: 'b966dbcad38c48b59d16d8c1f313681b',
      model: 'mimo-v2.5-pro',
      role: 'assistant',
      blocks: [{ type: 'text', text: 'hi' }],
      stopReason: 'end_turn',
      usage: { inputTokens: 57, outputTokens: 54, cacheReadTokens: null, reasoningTokens: null },
      error: null,
      incomplete: false
    })
  })

  it('reads thinking → tool_use with thinking_tokens (docs/wire-formats.md §1.4)', () => {
    const message = anthropicMessageFromJson({
      type: 'message',
      content: [
        { type: 'thinking', thinking: 'The user wants me to call checkSandboxErrors immediately.', signature: 'Eq4C' },
        { type: 'tool_use', id: 'toolu_017R7ACrx7NF7sLDDtvdQ1u9', name: 'checkSandboxErrors', input: {}, caller: { type: 'direct' } },
        { type: 'server_thing', x: 1 }
      ],
      stop_reason: 'tool_use',
      usage: { input_tokens: 5, output_tokens: 40, output_tokens_details: { thinking_tokens: 18 } }
    })
    expect(message?.usage?.reasoningTokens).toBe(18)
    expect(message?.blocks).toEqual([
      { type: 'thinking', thinking: 'The user wants me to call checkSandboxErrors immediately.', signature: 'Eq4C' },
      { type: 'tool_use', id: 'toolu_017R7ACrx7NF7sLDDtvdQ1u9', name: 'checkSandboxErrors', input: {}, inputJson: '{}', inputError: null },
      { type: 'unknown', raw: { type: 'server_thing', x: 1 } }
    ])
  })

  it('turns error bodies into a message with error and no blocks', () => {
    const native = anthropicMessageFromJson({
      type: 'error',
      error: { type: 'invalid_request_error', message: 'messages.1.content.0: Invalid `signature` in `thinking` block' },
      request_id: 'req_011CUdL49e3Fu9bCKbWF6cXD'
    })
    expect(native).toMatchObject({
      blocks: [],
      incomplete: false,
      error: { type: 'invalid_request_error', message: 'messages.1.content.0: Invalid `signature` in `thinking` block' }
    })
    const mimo = anthropicMessageFromJson({
      error: { code: '400', message: 'Param Incorrect', param: 'The reasoning_content in the thinking mode must be passed back to the API.', type: '' }
    })
    expect(mimo?.error).toEqual({ type: '400', message: 'The reasoning_content in the thinking mode must be passed back to the API.' })
  })

  it('returns null for bodies that are neither a message nor an error', () => {
    for (const body of [null, 1, 'x', [], {}, { type: 'ping' }]) expect(anthropicMessageFromJson(body)).toBeNull()
  })
})
