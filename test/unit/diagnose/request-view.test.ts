import { describe, expect, it } from 'vitest'
import { requestView } from '../../../src/main/core/protocols/request-view'
import { exchangeFixture } from './helpers'

describe('requestView (Anthropic)', () => {
  it('joins the system blocks and reads every block type with its exact shape', () => {
    const view = requestView('anthropic', {
      model: 'mimo-v2.5-pro',
      stream: true,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      system: [{ type: 'text', text: 'You are a coding agent.' }, { type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }],
      tools: [{ name: 'read_file', input_schema: {} }],
      messages: [
        { role: 'user', content: 'Hi' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'plan' },
            { type: 'thinking', thinking: 'more', signature: '' },
            { type: 'thinking', thinking: 'signed', signature: 'EqQBCkYIBxgCKkB' },
            { type: 'redacted_thinking', data: 'EmwKAhgB' },
            { type: 'text', text: 'Reading.' },
            { type: 'tool_use', id: 'toolu_1', name: 'read_file', input: { path: 'a.ts' } },
            { type: 'server_tool_use', id: 'srvtoolu_1' }
          ]
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: 'line 1' }, { type: 'image', source: {} }, { type: 'text', text: 'line 2' }] },
            { type: 'tool_result', tool_use_id: 'toolu_2', is_error: true, content: 'boom' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } }
          ]
        }
      ]
    })
    expect(view).toMatchObject({ protocol: 'anthropic', model: 'mimo-v2.5-pro', stream: true, thinking: 'enabled', system: 'You are a coding agent.\nBe brief.', tools: ['read_file'] })
    expect(view.messages[0]).toEqual({ index: 0, role: 'user', blocks: [{ type: 'text', text: 'Hi' }], contentIsString: true })
    expect(view.messages[1].blocks).toEqual([
      { type: 'thinking', thinking: 'plan', signature: null },
      { type: 'thinking', thinking: 'more', signature: '' },
      { type: 'thinking', thinking: 'signed', signature: 'EqQBCkYIBxgCKkB' },
      { type: 'redacted_thinking', data: 'EmwKAhgB' },
      { type: 'text', text: 'Reading.' },
      { type: 'tool_use', id: 'toolu_1', name: 'read_file', input: { path: 'a.ts' }, inputJson: '{"path":"a.ts"}', inputError: null },
      { type: 'unknown', raw: { type: 'server_tool_use', id: 'srvtoolu_1' } }
    ])
    expect(view.messages[1].contentIsString).toBe(false)
    expect(view.messages[2].blocks).toEqual([
      { type: 'tool_result', toolUseId: 'toolu_1', isError: false, text: 'line 1\nline 2' },
      { type: 'tool_result', toolUseId: 'toolu_2', isError: true, text: 'boom' },
      { type: 'image', mediaType: 'image/png' }
    ])
  })

  it('keeps thinking modes as sent: adaptive, enabled, disabled; an unknown type is other, with its value; absent is default', () => {
    expect(requestView('anthropic', { thinking: { type: 'adaptive' } }).thinking).toBe('adaptive')
    expect(requestView('anthropic', { thinking: { type: 'enabled', budget_tokens: 2048 } }).thinking).toBe('enabled')
    expect(requestView('anthropic', { thinking: { type: 'auto' } })).toMatchObject({ thinking: 'other', thinkingType: 'auto' })
    expect(requestView('anthropic', { thinking: {} })).toMatchObject({ thinking: 'other', thinkingType: 'null' })
    expect(requestView('anthropic', { thinking: { type: 'disabled' } }).thinking).toBe('disabled')
    expect(requestView('anthropic', {}).thinking).toBe('default')
    expect(requestView('anthropic', { thinking: true }).thinking).toBe('default')
    expect(requestView('anthropic', { system: 'plain' }).system).toBe('plain')
  })

  it('never throws on malformed input and keeps indices', () => {
    for (const body of [null, 42, 'text', [], { messages: 'no' }, { messages: [null, 7, { role: 3, content: { x: 1 } }, { role: 'user', content: [null, 'str', { type: 'text' }] }] }]) {
      expect(() => requestView('anthropic', body)).not.toThrow()
      expect(() => requestView('openai', body)).not.toThrow()
    }
    const view = requestView('anthropic', { messages: [null, { role: 'user', content: { x: 1 } }, { role: 'user', content: [null, { type: 'text' }] }] })
    expect(view.messages.map((m) => m.index)).toEqual([0, 1, 2])
    expect(view.messages[0]).toEqual({ index: 0, role: '', blocks: [{ type: 'unknown', raw: null }], contentIsString: false })
    expect(view.messages[1].blocks).toEqual([{ type: 'unknown', raw: { x: 1 } }])
    expect(view.messages[2].blocks).toEqual([{ type: 'unknown', raw: null }, { type: 'text', text: '' }])
  })
})

describe('requestView (OpenAI)', () => {
  it('keeps system messages in place and orders reasoning, text, tool calls', () => {
    const view = requestView('openai', {
      model: 'mimo-v2.5-pro',
      tools: [{ type: 'function', function: { name: 'read_file' } }, { type: 'function', function: { name: 'edit_file' } }],
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'Look' }, { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/' } }] },
        {
          role: 'assistant',
          content: null,
          reasoning_content: 'I should read it.',
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'read_file', arguments: '{"path":"a.ts"}' } },
            { id: 'call_2', type: 'function', function: { name: 'edit_file', arguments: '{"path":' } },
            { id: 'call_3', type: 'function', function: { name: 'read_file', arguments: { path: 'b.ts' } } }
          ]
        },
        { role: 'tool', tool_call_id: 'call_1', content: 'export {}' },
        { role: 'tool', tool_call_id: 'call_2', content: [{ type: 'text', text: 'part' }] }
      ]
    })
    expect(view.system).toBeNull()
    expect(view.thinking).toBe('default')
    expect(view.tools).toEqual(['read_file', 'edit_file'])
    expect(view.messages[0]).toEqual({ index: 0, role: 'system', blocks: [{ type: 'text', text: 'Be brief.' }], contentIsString: true })
    expect(view.messages[1].blocks).toEqual([{ type: 'text', text: 'Look' }, { type: 'image', mediaType: 'image/jpeg' }])
    const [reasoning, c1, c2, c3] = view.messages[2].blocks
    expect(reasoning).toEqual({ type: 'reasoning', text: 'I should read it.' })
    expect(c1).toEqual({ type: 'tool_call', id: 'call_1', name: 'read_file', arguments: '{"path":"a.ts"}', input: { path: 'a.ts' }, inputError: null })
    expect(c2).toMatchObject({ type: 'tool_call', id: 'call_2', input: null })
    expect(c2.type === 'tool_call' && c2.inputError).toBeTruthy()
    expect(c3).toMatchObject({ arguments: '{"path":"b.ts"}', input: { path: 'b.ts' } })
    expect(view.messages[3]).toEqual({ index: 3, role: 'tool', blocks: [{ type: 'tool_result', toolUseId: 'call_1', isError: false, text: 'export {}' }], contentIsString: true })
    expect(view.messages[4].blocks).toEqual([{ type: 'tool_result', toolUseId: 'call_2', isError: false, text: 'part' }])
  })

  it('shows an empty reasoning_content as an empty reasoning block, and none for null', () => {
    const view = requestView('openai', {
      messages: [
        { role: 'assistant', content: '', reasoning_content: '' },
        { role: 'assistant', content: 'x', reasoning_content: null }
      ]
    })
    expect(view.messages[0].blocks).toEqual([{ type: 'reasoning', text: '' }, { type: 'text', text: '' }])
    expect(view.messages[1].blocks).toEqual([{ type: 'text', text: 'x' }])
  })

  it('reads the shared fixtures', () => {
    const x = exchangeFixture('openai-reasoning-dropped.json')
    const view = requestView('openai', x.request.body)
    expect(view.messages[4].blocks.map((b) => b.type)).toEqual(['text', 'tool_call'])
    expect(view.messages[2].blocks.map((b) => b.type)).toEqual(['reasoning', 'text', 'tool_call'])
  })
})
