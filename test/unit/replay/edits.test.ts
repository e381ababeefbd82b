// The timeline's structured edits in both formats, and their errors.
import { describe, expect, it } from 'vitest'
import type { EditOp } from '../../../src/shared/types'
import { EditError, applyEdit } from '../../../src/main/core/replay/edits'
import { requestView } from '../../../src/main/core/protocols/request-view'
import { anthropicBody, assistant, call, fixtureBody, messagesOf, openaiBody, pretty, text, thinking, toolMsg, toolUse, user, type Body } from './helpers'

function edit(protocol: 'anthropic' | 'openai', body: Body | string, op: EditOp): { body: Body; changes: string[]; text: string } {
  const result = applyEdit(protocol, typeof body === 'string' ? body : pretty(body), op)
  return { body: JSON.parse(result.body) as Body, changes: result.changes, text: result.body }
}

const anthropic = fixtureBody('healthy-anthropic.json')
const openai = fixtureBody('healthy-openai.json')

describe('delete-message', () => {
  it('Anthropic: by the API index', () => {
    const r = edit('anthropic', anthropic, { op: 'delete-message', message: 7 })
    expect(messagesOf(r.body)).toEqual(messagesOf(anthropic).filter((_, i) => i !== 7))
    expect(r.changes).toEqual(['messages[7]: assistant message deleted'])
    expect(r.text).toBe(JSON.stringify(r.body, null, 2))
  })

  it('OpenAI: system messages count', () => {
    const r = edit('openai', openai, { op: 'delete-message', message: 0 })
    expect(messagesOf(r.body)[0]).toEqual(user('The test in tests/math.test.ts fails. Find out why and fix it.'))
    expect(r.changes).toEqual(['messages[0]: system message deleted'])
  })

  it('out of range or not an index', () => {
    expect(() => edit('anthropic', anthropic, { op: 'delete-message', message: 9 })).toThrow('messages[9] is out of range (9 messages)')
    expect(() => edit('openai', openai, { op: 'delete-message', message: -1 })).toThrow(EditError)
    expect(() => edit('openai', openai, { op: 'delete-message', message: 1.5 })).toThrow('messages[1.5] is not a valid index')
  })
})

describe('delete-block', () => {
  it('Anthropic: a content block; a string content is block 0', () => {
    const r = edit('anthropic', anthropic, { op: 'delete-block', message: 7, block: 1 })
    expect((messagesOf(r.body)[7].content as Array<{ type: string }>).map((b) => b.type)).toEqual(['thinking', 'tool_use'])
    expect(r.changes).toEqual(['messages[7]: text block 1 deleted'])
    const s = edit('anthropic', anthropic, { op: 'delete-block', message: 0, block: 0 })
    expect(messagesOf(s.body)[0].content).toEqual([])
    expect(() => edit('anthropic', anthropic, { op: 'delete-block', message: 0, block: 1 })).toThrow(EditError)
  })

  it('OpenAI: block indexes tool_calls; deleting the last removes the key', () => {
    const body = openaiBody([user('go'), { role: 'assistant', content: '', reasoning_content: 'r', tool_calls: [call('c1', 'list_files'), call('c2')] }])
    const one = edit('openai', body, { op: 'delete-block', message: 1, block: 0 })
    expect(messagesOf(one.body)[1].tool_calls).toEqual([call('c2')])
    expect(one.changes).toEqual(['messages[1]: tool_calls[0] (list_files, c1) deleted'])
    const none = edit('openai', one.body, { op: 'delete-block', message: 1, block: 0 })
    expect(messagesOf(none.body)[1]).toEqual({ role: 'assistant', content: '', reasoning_content: 'r' })
    expect(none.changes).toEqual(['messages[1]: tool_calls[0] (read_file, c2) deleted', 'messages[1]: tool_calls removed, it was the last call'])
  })

  it('errors: out of range, no tool_calls', () => {
    expect(() => edit('anthropic', anthropic, { op: 'delete-block', message: 1, block: 2 })).toThrow('messages[1].content[2] is out of range (2 blocks)')
    expect(() => edit('openai', openai, { op: 'delete-block', message: 1, block: 0 })).toThrow('messages[1] has no tool_calls (OpenAI delete-block indexes tool_calls)')
    expect(() => edit('openai', openai, { op: 'delete-block', message: 2, block: 1 })).toThrow('messages[2].tool_calls[1] is out of range (1 tool call)')
  })
})

describe('move-block', () => {
  it('Anthropic: takes the block out and puts it at the target index', () => {
    const r = edit('anthropic', anthropic, { op: 'move-block', message: 7, from: 2, to: 0 })
    expect((messagesOf(r.body)[7].content as Array<{ type: string }>).map((b) => b.type)).toEqual(['tool_use', 'thinking', 'text'])
    expect(r.changes).toEqual(['messages[7]: tool_use block moved from content[2] to content[0]'])
    // What the timeline shows follows the body.
    expect(requestView('anthropic', r.body).messages[7].blocks[0].type).toBe('tool_use')
  })

  it('OpenAI: moves within tool_calls', () => {
    const body = openaiBody([user('go'), { role: 'assistant', content: '', tool_calls: [call('c1'), call('c2'), call('c3')] }])
    const r = edit('openai', body, { op: 'move-block', message: 1, from: 0, to: 2 })
    expect((messagesOf(r.body)[1].tool_calls as Array<{ id: string }>).map((c) => c.id)).toEqual(['c2', 'c3', 'c1'])
    expect(r.changes).toEqual(['messages[1]: tool call moved from tool_calls[0] to tool_calls[2]'])
  })

  it('same place is a no-op; out of range and missing arrays are errors', () => {
    expect(edit('anthropic', anthropic, { op: 'move-block', message: 1, from: 1, to: 1 }).changes).toEqual([])
    expect(edit('anthropic', anthropic, { op: 'move-block', message: 0, from: 0, to: 0 }).changes).toEqual([])
    expect(() => edit('anthropic', anthropic, { op: 'move-block', message: 1, from: 0, to: 2 })).toThrow('target messages[1].content[2] is out of range (2 blocks)')
    expect(() => edit('openai', openai, { op: 'move-block', message: 3, from: 0, to: 0 })).toThrow('messages[3] has no tool_calls array')
  })
})

describe('set-text', () => {
  it('Anthropic: text, thinking (saying when a signature stops matching), tool_result, string content', () => {
    const body = anthropicBody([user('go'), assistant([thinking('plan', 'Eq4CCpIB'), text('Reading.'), toolUse('toolu_1')]), user([{ type: 'tool_result', tool_use_id: 'toolu_1', content: [text('long output')] }])])
    const t = edit('anthropic', body, { op: 'set-text', message: 1, block: 1, text: 'Reading a.ts.' })
    expect((messagesOf(t.body)[1].content as unknown[])[1]).toEqual(text('Reading a.ts.'))
    expect(t.changes).toEqual(['messages[1]: text of block 1 changed'])
    const th = edit('anthropic', body, { op: 'set-text', message: 1, block: 0, text: 'new plan' })
    expect((messagesOf(th.body)[1].content as unknown[])[0]).toEqual(thinking('new plan', 'Eq4CCpIB'))
    expect(th.changes).toEqual(['messages[1]: thinking text of block 0 changed (its signature no longer matches it)'])
    const tr = edit('anthropic', body, { op: 'set-text', message: 2, block: 0, text: 'short' })
    expect(messagesOf(tr.body)[2].content).toEqual([{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'short' }])
    const s = edit('anthropic', body, { op: 'set-text', message: 0, block: 0, text: 'Go on.' })
    expect(messagesOf(s.body)[0]).toEqual(user('Go on.'))
    expect(() => edit('anthropic', body, { op: 'set-text', message: 1, block: 2, text: 'x' })).toThrow('messages[1].content[2] is a tool_use block, which has no text to set here')
  })

  it('OpenAI: the timeline index maps to reasoning_content, content, a text part or a tool message', () => {
    const body = openaiBody([
      user([{ type: 'text', text: 'look' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,xx' } }]),
      { role: 'assistant', content: 'Reading.', reasoning_content: 'plan', tool_calls: [call('c1')] },
      toolMsg('c1', 'out')
    ])
    // The timeline of message 1 is [reasoning, text, tool_call].
    expect(requestView('openai', body).messages[1].blocks.map((b) => b.type)).toEqual(['reasoning', 'text', 'tool_call'])
    expect(messagesOf(edit('openai', body, { op: 'set-text', message: 1, block: 0, text: 'new plan' }).body)[1].reasoning_content).toBe('new plan')
    const c = edit('openai', body, { op: 'set-text', message: 1, block: 1, text: 'Reading a.ts.' })
    expect(messagesOf(c.body)[1].content).toBe('Reading a.ts.')
    expect(c.changes).toEqual(['messages[1]: content changed'])
    expect(messagesOf(edit('openai', body, { op: 'set-text', message: 0, block: 0, text: 'see' }).body)[0].content).toEqual([
      { type: 'text', text: 'see' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,xx' } }
    ])
    expect(messagesOf(edit('openai', body, { op: 'set-text', message: 2, block: 0, text: 'in' }).body)[2]).toEqual(toolMsg('c1', 'in'))
    expect(() => edit('openai', body, { op: 'set-text', message: 1, block: 2, text: 'x' })).toThrow('block 2 of messages[1] is tool_calls[0]; edit its arguments in the JSON')
    expect(() => edit('openai', body, { op: 'set-text', message: 0, block: 1, text: 'x' })).toThrow('block 1 of messages[0] has no text to set')
    expect(() => edit('openai', body, { op: 'set-text', message: 1, block: 3, text: 'x' })).toThrow('timeline block 3 of messages[1] is out of range (3 timeline blocks)')
  })
})

describe('toggle-thinking', () => {
  it('enabled ↔ disabled, keeping budget_tokens', () => {
    const body = anthropicBody([user('hi')], { thinking: { type: 'enabled', budget_tokens: 4096 } })
    const off = edit('anthropic', body, { op: 'toggle-thinking' })
    expect(off.body.thinking).toEqual({ type: 'disabled', budget_tokens: 4096 })
    expect(off.changes).toEqual(['thinking.type: "enabled" → "disabled" (budget_tokens 4096 kept)'])
    const on = edit('anthropic', off.body, { op: 'toggle-thinking' })
    expect(on.body.thinking).toEqual({ type: 'enabled', budget_tokens: 4096 })
  })

  it('no thinking field: adds disabled, since MiMo thinks by default (both formats)', () => {
    for (const [protocol, body] of [['anthropic', anthropicBody([user('hi')])], ['openai', openaiBody([user('hi')])]] as const) {
      const r = edit(protocol, body, { op: 'toggle-thinking' })
      expect(r.body.thinking).toEqual({ type: 'disabled' })
      expect(r.changes).toEqual(['thinking: absent → {"type":"disabled"} (MiMo thinks by default)'])
      expect(requestView(protocol, r.body).thinking).toBe('disabled')
    }
  })
})

describe('errors common to every edit', () => {
  it('body not JSON, not an object, without messages; unknown op', () => {
    expect(() => applyEdit('anthropic', '{"messages": [', { op: 'toggle-thinking' })).toThrow(/^the body is not valid JSON: /)
    expect(() => applyEdit('openai', '"text"', { op: 'toggle-thinking' })).toThrow('the body is not a JSON object')
    expect(() => applyEdit('openai', '{}', { op: 'delete-message', message: 0 })).toThrow('the body has no messages array')
    expect(() => applyEdit('openai', '{}', { op: 'shuffle' } as unknown as EditOp)).toThrow('unknown edit "shuffle"')
    expect(() => applyEdit('openai', '{}', { op: 'shuffle' } as unknown as EditOp)).toThrow(EditError)
  })
})
