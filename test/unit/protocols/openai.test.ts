import { describe, expect, it } from 'vitest'
import type { SseEventView } from '../../../src/shared/types'
import { openaiMessageFromJson, reassembleOpenAIStream } from '../../../src/main/core/protocols/openai'
import { parseSse } from '../../../src/main/core/protocols/sse'
import { fixture, toCrlf } from './fixtures'

const reassemble = (text: string) => reassembleOpenAIStream(parseSse(text).events)
const ev = (data: unknown): SseEventView => ({ event: null, data: typeof data === 'string' ? data : JSON.stringify(data), atMs: null })

describe('reassembleOpenAIStream', () => {
  it('rebuilds reasoning, content, finish_reason and the usage chunk (DeepSeek V4 recording)', () => {
    for (const body of [fixture('openai-deepseek-reasoning.sse'), toCrlf(fixture('openai-deepseek-reasoning.sse'))]) {
      const { message, problems } = reassemble(body)
      expect(problems).toEqual([])
      expect(message).toEqual({
        protocol: 'openai',
        id: null,
        model: null,
        role: 'assistant',
        blocks: [
          { type: 'reasoning', text: 'Need to reply exactly.' },
          { type: 'text', text: 'cxp-live-ok' }
        ],
        stopReason: 'stop',
        usage: { inputTokens: 11, outputTokens: 8, cacheReadTokens: 6, reasoningTokens: 5 },
        error: null,
        incomplete: false
      })
    }
  })

  it('rebuilds tool calls from fragments with explicit nulls, never overwriting id or name', () => {
    const { message, problems } = reassemble(fixture('openai-reasoning-tool-calls.sse'))
    expect(problems).toEqual([])
    expect(message.blocks).toEqual([
      { type: 'reasoning', text: 'The user wants 2 + 3.' },
      { type: 'tool_call', id: 'call_538', name: 'add', arguments: '{"a": 2, "b": 3}', input: { a: 2, b: 3 }, inputError: null }
    ])
    expect(message.incomplete).toBe(true) // the recording has no [DONE]
  })

  it('keys fragments by index, orders blocks reasoning → text → tool calls, and "" arguments mean {}', () => {
    const chunk = (delta: unknown, finish: string | null = null) => ev({ choices: [{ index: 0, delta, finish_reason: finish }] })
    const { message } = reassembleOpenAIStream([
      chunk({ tool_calls: [{ index: 1, id: 'call_b', function: { name: 'ls', arguments: '' } }] }),
      chunk({ tool_calls: [{ index: 0, id: 'call_a', function: { name: 'read', arguments: '{"p":' } }] }),
      chunk({ content: 'text after tools', reasoning_content: null }),
      chunk({ reasoning_content: 'late reasoning' }),
      chunk({ tool_calls: [{ index: 0, id: null, function: { name: null, arguments: '"x"}' } }] }, 'tool_calls'),
      ev('[DONE]')
    ])
    expect(message.blocks).toEqual([
      { type: 'reasoning', text: 'late reasoning' },
      { type: 'text', text: 'text after tools' },
      { type: 'tool_call', id: 'call_a', name: 'read', arguments: '{"p":"x"}', input: { p: 'x' }, inputError: null },
      { type: 'tool_call', id: 'call_b', name: 'ls', arguments: '', input: {}, inputError: null }
    ])
    expect(message.stopReason).toBe('tool_calls')
    expect(message.incomplete).toBe(false)
  })

  it('reads the standard envelope and reports cut-off arguments as inputError (o4-mini recording)', () => {
    const { message } = reassemble(fixture('openai-o4-mini-tool-partial.sse'))
    expect(message.id).toBe('chatcmpl-DIgPlQPwJD3L58NCrIk3tvAcboKkQ')
    expect(message.model).toBe('o4-mini-2025-04-16')
    expect(message.incomplete).toBe(true)
    expect(message.blocks).toHaveLength(1)
    expect(message.blocks[0]).toMatchObject({ type: 'tool_call', id: 'call_IPFxz4Q0YCdQYlcVjKu1zTAa', name: 'weather', arguments: '{"', input: null })
    const block = message.blocks[0]
    expect(block.type === 'tool_call' && block.inputError).toBeTruthy()
  })

  it("reads MiMo's streamed error line, taking the message from param and the type from code", () => {
    const { message } = reassemble(fixture('mimo-streamed-error.sse'))
    expect(message.error).toEqual({ type: '400', message: 'tools contains duplicate names: mcp__maps_direction_walking' })
    expect(message.incomplete).toBe(false) // MiMo sends no [DONE] after its error line
    expect(message.blocks).toEqual([])

    const reasoning = reassemble(
      'data:{"error":{"code":"400","message":"Param Incorrect","param":"The reasoning_content in the thinking mode must be passed back to the API.","type":""}}'
    )
    expect(reasoning.message.error?.message).toBe('The reasoning_content in the thinking mode must be passed back to the API.')
  })

  it('falls back to error.message when param is null or empty', () => {
    const { message } = reassembleOpenAIStream([
      ev({ error: { message: 'The reasoning_content in the thinking mode must be passed back to the API.', type: 'invalid_request_error', param: null, code: 'invalid_request_error' } })
    ])
    expect(message.error).toEqual({ type: 'invalid_request_error', message: 'The reasoning_content in the thinking mode must be passed back to the API.' })
    const empty = reassembleOpenAIStream([ev({ error: { message: 'Overloaded', param: '', code: 503 } })])
    expect(empty.message.error).toEqual({ type: '503', message: 'Overloaded' })
  })

  it('ignores wrong-typed fields and reports bad JSON', () => {
    const { message, problems } = reassembleOpenAIStream([
      ev({ choices: [{ delta: { content: 5, reasoning_content: {}, tool_calls: 'x' } }] }),
      ev({ choices: 'nope', usage: 'nope' }),
      ev('{"choices":[{"delta":{"content":"a"'),
      ev({ choices: [{ delta: { content: 'ok', tool_calls: [null, 3, { function: { arguments: 7 } }] } }] })
    ])
    expect(problems).toHaveLength(2)
    expect(message.blocks).toEqual([
      { type: 'text', text: 'ok' },
      { type: 'tool_call', id: '', name: '', arguments: '', input: {}, inputError: null }
    ])
  })
})

describe('openaiMessageFromJson', () => {
  it("reads MiMo's non-stream sample", () => {
    const message = openaiMessageFromJson({
      id: '72c2d792ca96489abd0b287184dac960',
      choices: [{ finish_reason: 'stop', index: 0, message: { content: 'hello', role: 'assistant', tool_calls: null, reasoning_content: null } }],
      created: 1766041014,
      model: 'mimo-v2-flash',
      object: 'chat.completion',
      usage: { completion_tokens: 127, prompt_tokens: 57, total_tokens: 184, completion_tokens_details: { reasoning_tokens: 0 }, prompt_tokens_details: null }
    })
    expect(message).toEqual({
      protocol: 'openai',
      id: '72c2d792ca96489abd0b287184dac960',
      model: 'mimo-v2-flash',
      role: 'assistant',
      blocks: [{ type: 'text', text: 'hello' }],
      stopReason: 'stop',
      usage: { inputTokens: 57, outputTokens: 127, cacheReadTokens: null, reasoningTokens: 0 },
      error: null,
      incomplete: false
    })
  })

  it('reads reasoning_content and tool_calls of a non-stream reply', () => {
    const message = openaiMessageFromJson({
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          finish_reason: 'tool_calls',
          message: {
            role: 'assistant',
            content: null,
            reasoning_content: 'Need the weather.',
            tool_calls: [
              { id: 'call_00_9nLfpIQ6VO1JCaEsJcU8WZnS', type: 'function', function: { name: 'weather', arguments: '{"city":"Beijing"}' } },
              { id: 'call_2', type: 'function', function: { name: 'bad', arguments: '{' } }
            ]
          }
        }
      ]
    })
    expect(message?.blocks).toMatchObject([
      { type: 'reasoning', text: 'Need the weather.' },
      { type: 'tool_call', id: 'call_00_9nLfpIQ6VO1JCaEsJcU8WZnS', name: 'weather', input: { city: 'Beijing' }, inputError: null },
      { type: 'tool_call', id: 'call_2', name: 'bad', arguments: '{', input: null }
    ])
    expect(message?.stopReason).toBe('tool_calls')
  })

  it('reads error bodies, including an OpenRouter-wrapped MiMo error', () => {
    const mimo = openaiMessageFromJson({ error: { message: 'Invalid API Key', param: 'Please provide valid API Key', code: '401', type: 'invalid_key' } })
    expect(mimo).toMatchObject({ blocks: [], incomplete: false, error: { type: 'invalid_key', message: 'Please provide valid API Key' } })
    const wrapped = openaiMessageFromJson({
      error: {
        message: 'Provider returned error',
        code: 400,
        metadata: { raw: '{"error":{"code":"400","message":"Param Incorrect","param":"`text` is not present","type":""}}', provider_name: 'Xiaomi' }
      }
    })
    expect(wrapped?.error).toEqual({ type: '400', message: '`text` is not present' })
  })

  it('returns null for bodies that are neither a completion nor an error', () => {
    for (const body of [null, 0, 'x', [], {}, { object: 'list' }]) expect(openaiMessageFromJson(body)).toBeNull()
  })
})
