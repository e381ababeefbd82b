// Tool pairing and MiMo tool-shape fixes: add-tool-result, drop-orphan-tool-result, null-content-to-empty,
// flatten-tool-content, dedupe-tool-names, tool-choice-auto.
import { describe, expect, it } from 'vitest'
import { CANCELLED, FixError } from '../../../src/main/core/replay/fixes'
import { anthropicBody, assistant, call, fix, fixtureBody, lint, messagesOf, openaiBody, text, thinking, toolMsg, toolResult, toolUse, user } from './helpers'

const R17 = 'R17'
const R18 = 'R18'
const refs = (protocol: 'anthropic' | 'openai', body: unknown): string[] => lint(protocol, body).findings.map((f) => f.ref)
const cancelled = (id: string): Record<string, unknown> => ({ type: 'tool_result', tool_use_id: id, content: CANCELLED, is_error: true })

describe('add-tool-result', () => {
  it('Anthropic: adds a cancelled is_error result after the existing ones (an interrupted parallel call)', () => {
    const body = anthropicBody([
      user('go'),
      assistant([thinking('t', ''), toolUse('toolu_1'), toolUse('toolu_2')]),
      user([toolResult('toolu_1'), text('continue')]),
      assistant([thinking('u', ''), text('ok')])
    ])
    expect(refs('anthropic', body)).toContain(R17)
    const fixed = fix('add-tool-result', 'anthropic', body)
    expect(messagesOf(fixed.body)[2].content).toEqual([toolResult('toolu_1'), cancelled('toolu_2'), text('continue')])
    expect(fixed.changes).toEqual([`messages[2]: tool_result for toolu_2 added ("${CANCELLED}", is_error)`])
    expect(refs('anthropic', fixed.body)).not.toContain(R17)
  })

  it('Anthropic: moves a result that came after text to the front', () => {
    const body = anthropicBody([user('go'), assistant([toolUse('toolu_1')]), user([text('here:'), toolResult('toolu_1')]), assistant('ok')], { thinking: { type: 'disabled' } })
    const fixed = fix('add-tool-result', 'anthropic', body)
    expect(messagesOf(fixed.body)[2].content).toEqual([toolResult('toolu_1'), text('here:')])
    expect(fixed.changes).toEqual(['messages[2]: tool_result for toolu_1 moved to the front (it came after other content)'])
    expect(refs('anthropic', fixed.body)).not.toContain(R17)
  })

  it('Anthropic: a string user message becomes blocks; a missing user message is created', () => {
    const body = anthropicBody([user('go'), assistant([toolUse('toolu_1')]), user('never mind'), assistant([toolUse('toolu_2')]), assistant('hm'), user('?')], {
      thinking: { type: 'disabled' }
    })
    const fixed = fix('add-tool-result', 'anthropic', body)
    const messages = messagesOf(fixed.body)
    expect(messages[2].content).toEqual([cancelled('toolu_1'), text('never mind')])
    expect(messages[4]).toEqual(user([cancelled('toolu_2')]))
    expect(messages).toHaveLength(7)
    expect(fixed.changes).toEqual([
      'messages[2]: string content turned into a text block to sit after the results',
      `messages[2]: tool_result for toolu_1 added ("${CANCELLED}", is_error)`,
      `user message with tool_result for toolu_2 ("${CANCELLED}", is_error) added after messages[3]`
    ])
    expect(refs('anthropic', fixed.body)).not.toContain(R17)
  })

  it('OpenAI: adds a tool message after the run of results', () => {
    const body = openaiBody([user('go'), { role: 'assistant', content: '', reasoning_content: 'r', tool_calls: [call('c1'), call('c2')] }, toolMsg('c1'), user('stop')])
    expect(refs('openai', body)).toContain(R17)
    const fixed = fix('add-tool-result', 'openai', body)
    expect(messagesOf(fixed.body).slice(2)).toEqual([toolMsg('c1'), { role: 'tool', tool_call_id: 'c2', content: CANCELLED }, user('stop')])
    expect(fixed.changes).toEqual([`tool message for c2 ("${CANCELLED}") added after messages[2]`])
    expect(refs('openai', fixed.body)).not.toContain(R17)
  })

  it('leaves the last message (a turn still waiting for results) and throws when all are answered', () => {
    expect(() => fix('add-tool-result', 'anthropic', anthropicBody([user('go'), assistant([toolUse('toolu_1')])]))).toThrow(FixError)
    expect(() => fix('add-tool-result', 'openai', fixtureBody('healthy-openai.json'))).toThrow(/nothing to change/)
  })
})

describe('drop-orphan-tool-result', () => {
  it('Anthropic: drops the orphan block, and a message it leaves empty', () => {
    const body = anthropicBody([
      user([toolResult('toolu_old'), text('Summary of earlier work. Continue.')]),
      assistant([toolUse('toolu_1')]),
      user([toolResult('toolu_1'), toolResult('toolu_gone')]),
      assistant('ok'),
      user([toolResult('toolu_lost')]),
      assistant('ok')
    ], { thinking: { type: 'disabled' } })
    expect(lint('anthropic', body).findings.filter((f) => f.ref === R18)).toHaveLength(3)
    const fixed = fix('drop-orphan-tool-result', 'anthropic', body)
    const messages = messagesOf(fixed.body)
    expect(messages[0].content).toEqual([text('Summary of earlier work. Continue.')])
    expect(messages[2].content).toEqual([toolResult('toolu_1')])
    expect(messages).toHaveLength(5)
    expect(fixed.changes).toEqual([
      'messages[0]: tool_result toolu_old (block 0) removed, the message before has no such tool_use',
      'messages[2]: tool_result toolu_gone (block 1) removed, the message before has no such tool_use',
      'messages[4]: tool_result toolu_lost (block 0) removed, the message before has no such tool_use',
      'messages[4]: message removed, it held only orphan results'
    ])
    expect(refs('anthropic', fixed.body)).not.toContain(R18)
  })

  it('OpenAI: drops tool messages whose id no tool call of the assistant before has', () => {
    const body = openaiBody([{ role: 'system', content: 's' }, toolMsg('c0'), user('go'), { role: 'assistant', content: '', reasoning_content: 'r', tool_calls: [call('c1')] }, toolMsg('c1'), toolMsg('c9')])
    const fixed = fix('drop-orphan-tool-result', 'openai', body)
    expect(messagesOf(fixed.body).map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool'])
    expect(fixed.changes).toHaveLength(2)
    expect(refs('openai', fixed.body)).not.toContain(R18)
    expect(() => fix('drop-orphan-tool-result', 'openai', fixed.body)).toThrow(FixError)
  })
})

describe('null-content-to-empty (OpenAI)', () => {
  it('sets "" on assistant tool-call messages with null or no content (R20)', () => {
    const body = openaiBody([user('go'), { role: 'assistant', content: null, reasoning_content: 'r', tool_calls: [call('c1')] }, toolMsg('c1'), { role: 'assistant', reasoning_content: 'r', tool_calls: [call('c2')] }, toolMsg('c2')])
    expect(lint('openai', body).findings.filter((f) => f.ref === 'R20')).toHaveLength(2)
    const fixed = fix('null-content-to-empty', 'openai', body)
    expect(messagesOf(fixed.body)[1].content).toBe('')
    expect(Object.keys(messagesOf(fixed.body)[3])).toEqual(['role', 'reasoning_content', 'content', 'tool_calls'])
    expect(fixed.changes).toEqual(['messages[1]: content null → ""', 'messages[3]: content absent → ""'])
    expect(lint('openai', fixed.body).findings.filter((f) => f.ref === 'R20')).toEqual([])
    expect(() => fix('null-content-to-empty', 'anthropic', fixtureBody('healthy-anthropic.json'))).toThrow(/OpenAI requests only/)
  })
})

describe('flatten-tool-content (OpenAI)', () => {
  it('joins the text parts into a string and says which parts were dropped', () => {
    const body = openaiBody([
      user('go'),
      { role: 'assistant', content: '', reasoning_content: 'r', tool_calls: [call('c1')] },
      toolMsg('c1', [{ type: 'text', text: 'Screenshot taken.' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBOR' } }, { type: 'text', text: 'Size 800x600.' }])
    ])
    const fixed = fix('flatten-tool-content', 'openai', body)
    expect(messagesOf(fixed.body)[2]).toEqual(toolMsg('c1', 'Screenshot taken.\nSize 800x600.'))
    expect(fixed.changes).toEqual(['messages[2]: tool content flattened to a string (1 image_url part dropped)'])
    expect(lint('openai', fixed.body).findings.filter((f) => f.ref === 'R20')).toEqual([])
    expect(() => fix('flatten-tool-content', 'openai', fixed.body)).toThrow(FixError)
  })
})

describe('dedupe-tool-names', () => {
  const fn = (name: string, description = ''): Record<string, unknown> => ({ type: 'function', function: { name, description, parameters: { type: 'object' } } })

  it('keeps the first tool of each name (OpenAI and Anthropic shapes)', () => {
    const body = openaiBody([user('go')], { tools: [fn('mcp__maps_direction_walking', 'first'), fn('read'), fn('mcp__maps_direction_walking', 'second')] })
    expect(lint('openai', body).findings.map((f) => f.ref)).toContain('R21')
    const fixed = fix('dedupe-tool-names', 'openai', body)
    expect(fixed.body.tools).toEqual([fn('mcp__maps_direction_walking', 'first'), fn('read')])
    expect(fixed.changes).toEqual(['tools[2]: removed, "mcp__maps_direction_walking" is already tools[0]'])
    const anthropic = fix('dedupe-tool-names', 'anthropic', anthropicBody([user('go')], { tools: [{ name: 'a' }, { name: 'a' }] }))
    expect(anthropic.body.tools).toEqual([{ name: 'a' }])
    expect(() => fix('dedupe-tool-names', 'openai', fixed.body)).toThrow(FixError)
  })
})

describe('tool-choice-auto', () => {
  it('Anthropic: {"type":"auto"}, keeping disable_parallel_tool_use', () => {
    const body = anthropicBody([user('go')], { tool_choice: { type: 'tool', name: 'read', disable_parallel_tool_use: true } })
    expect(lint('anthropic', body).findings.map((f) => f.ref)).toContain('R15')
    const fixed = fix('tool-choice-auto', 'anthropic', body)
    expect(fixed.body.tool_choice).toEqual({ type: 'auto', disable_parallel_tool_use: true })
    expect(lint('anthropic', fixed.body).findings.map((f) => f.ref)).not.toContain('R15')
  })

  it('OpenAI: "auto"; throws when it already is or is absent', () => {
    const fixed = fix('tool-choice-auto', 'openai', openaiBody([user('go')], { tool_choice: 'required' }))
    expect(fixed.body.tool_choice).toBe('auto')
    expect(fixed.changes).toEqual(['tool_choice: "required" → "auto"'])
    expect(() => fix('tool-choice-auto', 'openai', fixed.body)).toThrow(FixError)
    expect(() => fix('tool-choice-auto', 'openai', openaiBody([user('go')]))).toThrow(FixError)
  })
})
